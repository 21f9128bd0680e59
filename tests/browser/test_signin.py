from playwright.sync_api import expect


def test_a_member_signs_in_and_sees_what_to_do_first(page, sign_in, alice):
    page.goto("/")
    assert "/login/?next=/" in page.url

    sign_in(alice)

    expect(page.get_by_role("heading", level=1)).to_contain_text("has no ZDR request yet")
    expect(page.get_by_role("link", name="Members")).to_be_visible()


def test_a_wrong_password_shows_an_error(page, alice):
    page.goto("/login/")
    page.get_by_label("Email address").fill(alice.email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_text("Please enter a correct email address and password")).to_be_visible()


def test_signing_in_with_the_keyboard_only(page, alice, password):
    page.goto("/login/")
    expect(page.get_by_label("Email address")).to_be_focused()  # on arrival: typing starts there
    page.keyboard.type(alice.email)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_contain_text("has no ZDR request yet")

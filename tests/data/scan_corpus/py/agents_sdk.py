"""The OpenAI Agents SDK: Runner calls the Responses API with the agent's hosted tools."""

from agents import Agent, CodeInterpreterTool, FileSearchTool, Runner, WebSearchTool

researcher = Agent(
    name="Researcher",
    instructions="Find sources.",
    model="gpt-4.1",
    tools=[WebSearchTool(), FileSearchTool(vector_store_ids=["vs_1"])],
)
analyst = Agent(name="Analyst", instructions="Compute.", tools=[CodeInterpreterTool(tool_config={"type": "code_interpreter"})])


async def research(question):
    result = await Runner.run(researcher, question)
    return result.final_output


def analyse(question):
    return Runner.run_sync(analyst, question)
# ruff: noqa

"""DSPy and CrewAI, which call models through LiteLLM."""

import dspy
from crewai import LLM, Agent

dspy.configure(lm=dspy.LM("openai/gpt-4o-mini", temperature=0))
judge = dspy.LM("openai/o4-mini", model_type="responses")
local = dspy.LM("ollama_chat/llama3.2", api_base="http://localhost:11434")

analyst = Agent(role="Analyst", goal="Summarize filings", backstory="CPA", llm=LLM(model="gpt-4.1", temperature=0.2))

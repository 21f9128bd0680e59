"""A phone agent: speech in, the agent's turns, speech out (the Agents SDK's voice pipeline)."""

from agents import Agent, HostedMCPTool, WebSearchTool
from agents.voice import AudioInput, SingleAgentVoiceWorkflow, VoicePipeline

crm = HostedMCPTool(tool_config={"type": "mcp", "server_label": "crm", "server_url": "https://crm.example.com/mcp",
                                 "require_approval": "never"})
receptionist = Agent(name="Receptionist", instructions="Book appointments.", model="gpt-4.1-mini",
                     tools=[crm, WebSearchTool()])


async def handle_call(buffer):
    pipeline = VoicePipeline(workflow=SingleAgentVoiceWorkflow(receptionist))
    result = await pipeline.run(AudioInput(buffer=buffer))
    async for event in result.stream():
        yield event

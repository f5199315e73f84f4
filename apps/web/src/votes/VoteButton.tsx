/** The header's vote button: opens the vote panel; shows how many have voted while a vote runs. */
import { Vote } from "lucide-react";
import { TalkToggle } from "../talk/comments/TalkToggle.tsx";
import { useVotes } from "./useVotes.ts";
import { useVoteContext } from "./VoteContext.ts";

export function VoteButton() {
  const session = useVoteContext();
  const { active } = useVotes();
  if (!session) return null;
  const count = active?.count ?? 0;
  return (
    <TalkToggle
      icon={Vote}
      title="Team vote on the emotion curve"
      label={active ? `Team vote, ${count} voted` : "Team vote"}
      pressed={session.panelOpen}
      count={active ? Math.max(count, 0) : 0}
      testId="board.vote"
      countTestId="board.vote-count"
      onClick={() => session.setPanelOpen(!session.panelOpen)}
    />
  );
}

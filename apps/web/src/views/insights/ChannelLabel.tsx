import { CHANNEL_LABELS, type Channel } from "@journeymap/schema";
import { CHANNEL_ICONS } from "../../board/channelIcons.tsx";

/** A channel's icon and name. */
export function ChannelLabel({ channel }: { channel: Channel }) {
  const Icon = CHANNEL_ICONS[channel];
  return (
    <span className="iv-channel">
      <Icon size={13} aria-hidden="true" />
      {CHANNEL_LABELS[channel]}
    </span>
  );
}

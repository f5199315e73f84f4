import type { Channel } from "@journeymap/schema";
import {
  Globe,
  Headphones,
  LifeBuoy,
  type LucideIcon,
  Mail,
  Megaphone,
  MessageCircle,
  MoreHorizontal,
  Phone,
  Share2,
  Smartphone,
  Star,
  Store,
} from "lucide-react";

export const CHANNEL_ICONS: Readonly<Record<Channel, LucideIcon>> = {
  website: Globe,
  mobileApp: Smartphone,
  email: Mail,
  social: Share2,
  paidAds: Megaphone,
  reviewSite: Star,
  liveChat: MessageCircle,
  phone: Phone,
  inStore: Store,
  salesCall: Headphones,
  supportTicket: LifeBuoy,
  custom: MoreHorizontal,
};

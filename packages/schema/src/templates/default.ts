import type { Template } from "./Template.ts";

/** The default starting map: the six classic phases, one sample persona, the built-in lanes. */
export const DEFAULT_TEMPLATE: Template = {
  id: "default",
  name: "Classic customer journey",
  summary: "Awareness to advocacy, with a sample persona and a few steps to edit.",
  title: "Customer journey",
  scenario: "A new customer discovers us, buys, and becomes a regular.",
  personas: [
    {
      name: "Maya Chen",
      role: "Operations manager",
      quote: "I need something my team will actually use without a training day.",
      colour: "#0072b2",
      ageRange: "30–39",
      occupation: "Operations manager",
      location: "Manchester, UK",
      goals: "Cut weekly reporting time\nGet the team onto one tool",
      frustrations: "Long sales calls before seeing a price\nSet-up that needs IT",
    },
  ],
  phases: [
    {
      name: "Awareness",
      colour: "#56b4e9",
      touchpoints: [
        {
          name: "Sees a LinkedIn post",
          channel: "social",
          action: "Reads a peer's post about the product",
          team: "Marketing",
          emotions: [1],
          thoughts: "Could this fix our reporting mess?",
        },
        {
          name: "Reads a review",
          channel: "reviewSite",
          action: "Compares ratings on a review site",
          team: "Marketing",
          emotions: [1],
        },
      ],
    },
    {
      name: "Consideration",
      colour: "#e69f00",
      touchpoints: [
        {
          name: "Compares plans",
          channel: "website",
          action: "Reads the pricing page",
          team: "Growth",
          emotions: [-1],
          thoughts: "Which plan do I need? The differences are unclear.",
          painPoints: [{ title: "Plan differences are unclear", rating: 3 }],
        },
      ],
    },
    {
      name: "Purchase",
      colour: "#009e73",
      touchpoints: [
        {
          name: "Checks out",
          channel: "website",
          action: "Pays by card",
          team: "Billing",
          emotions: [0],
        },
      ],
    },
    {
      name: "Onboarding",
      colour: "#cc79a7",
      touchpoints: [
        {
          name: "Invites the team",
          channel: "email",
          action: "Sends invitations to five colleagues",
          team: "Product",
          emotions: [-2],
          painPoints: [{ title: "Invitations land in spam", rating: 4 }],
          opportunities: [{ title: "Invite by link instead of email", rating: 4 }],
        },
      ],
    },
    {
      name: "Retention",
      colour: "#0072b2",
      touchpoints: [
        {
          name: "Weekly report",
          channel: "mobileApp",
          action: "Opens the weekly summary",
          team: "Product",
          emotions: [2],
        },
      ],
    },
    {
      name: "Advocacy",
      colour: "#d55e00",
      touchpoints: [
        {
          name: "Recommends us",
          channel: "social",
          action: "Shares a result with peers",
          team: "Marketing",
          emotions: [3],
        },
      ],
    },
  ],
};

/** An empty map: the built-in lanes and nothing else. */
export const BLANK_TEMPLATE: Template = {
  id: "blank",
  name: "Blank map",
  summary: "Start from an empty map with the standard lanes.",
  title: "Untitled journey",
  scenario: "",
  personas: [],
  phases: [],
};

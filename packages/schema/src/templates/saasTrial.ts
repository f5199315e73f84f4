import type { Template } from "./Template.ts";

/** B2B SaaS: from a free trial to a paid team plan. Two personas: the evaluator and the buyer. */
export const SAAS_TRIAL_TEMPLATE: Template = {
  id: "saas-trial",
  name: "B2B SaaS: trial to paid",
  summary: "A team lead trials a project tool and gets finance to pay for it.",
  title: "I try a project tool and get my team onto a paid plan",
  scenario:
    "Priya leads a 12-person delivery team drowning in spreadsheets. She starts a 14-day trial, needs her team to adopt it, and needs Tom in finance to approve the spend.",
  personas: [
    {
      name: "Priya Natarajan",
      role: "Delivery lead (evaluator)",
      quote: "If my team won't use it in week one, it's dead.",
      colour: "#0072b2",
      ageRange: "30–39",
      occupation: "Delivery lead at a 200-person agency",
      location: "Bristol, UK",
      goals: "One place for plans and status\nFewer status meetings",
      frustrations: "Tools that need a consultant to set up\nPer-seat pricing surprises",
      behaviours: "Trials three tools side by side\nReads G2 reviews before booking a demo",
    },
    {
      name: "Tom Becker",
      role: "Finance controller (buyer)",
      quote: "Show me the cost per seat and the contract terms on one page.",
      colour: "#e69f00",
      ageRange: "40–49",
      occupation: "Finance controller",
      goals: "Predictable software spend\nNo auto-renewal traps",
      frustrations: "Vague invoices\nSales calls before seeing a price",
    },
  ],
  phases: [
    {
      name: "Discover",
      colour: "#56b4e9",
      touchpoints: [
        {
          name: "Searches for alternatives",
          channel: "website",
          action: "Googles 'spreadsheet project tracking alternative'",
          team: "Marketing",
          emotions: [0, 0],
          thoughts: "There must be something better than our 40-tab spreadsheet.",
        },
        {
          name: "Reads comparison reviews",
          channel: "reviewSite",
          action: "Compares three tools on G2",
          team: "Marketing",
          emotions: [1, 0],
        },
      ],
    },
    {
      name: "Sign up",
      colour: "#009e73",
      touchpoints: [
        {
          name: "Starts a free trial",
          channel: "website",
          action: "Signs up with a work email",
          team: "Growth",
          emotions: [1, 0],
          actions: "Creates an account\nSkips the onboarding video",
        },
        {
          name: "Verification email",
          channel: "email",
          action: "Waits for the verification email",
          team: "Growth",
          emotions: [-1, 0],
          painPoints: [
            {
              title: "Verification email takes minutes to arrive",
              detail: "Corporate mail filters delay it; 18% of trials never verify.",
              rating: 4,
              owner: "Growth",
            },
          ],
        },
      ],
    },
    {
      name: "Try",
      colour: "#cc79a7",
      touchpoints: [
        {
          name: "Imports the spreadsheet",
          channel: "website",
          action: "Uploads the team's tracker as CSV",
          team: "Product",
          emotions: [-2, 0],
          thoughts: "Why are my dates all wrong?",
          painPoints: [
            { title: "CSV import mangles UK date formats", rating: 5, owner: "Product" },
          ],
          opportunities: [
            {
              title: "Detect the date format and preview the import",
              rating: 4,
              status: "inProgress",
            },
          ],
        },
        {
          name: "Invites the team",
          channel: "email",
          action: "Invites 11 colleagues",
          team: "Product",
          emotions: [1, 0],
        },
        {
          name: "First stand-up on the board",
          channel: "mobileApp",
          action: "Runs the daily stand-up from the board",
          team: "Product",
          emotions: [2, 0],
          thoughts: "This actually saved us ten minutes.",
        },
      ],
    },
    {
      name: "Buy",
      colour: "#e69f00",
      touchpoints: [
        {
          name: "Asks for a quote",
          channel: "salesCall",
          action: "Books a call to get team pricing",
          team: "Sales",
          emotions: [-1, -2],
          painPoints: [
            {
              title: "Team price only available on a sales call",
              rating: 4,
              owner: "Sales",
            },
          ],
          opportunities: [{ title: "Self-serve team pricing calculator", rating: 5 }],
        },
        {
          name: "Finance review",
          channel: "email",
          action: "Forwards the quote to finance",
          team: "Sales",
          emotions: [0, -1],
          thoughts: "Tom will ask about the auto-renewal clause.",
        },
        {
          name: "Pays by invoice",
          channel: "email",
          action: "Finance pays the first invoice",
          team: "Billing",
          emotions: [1, 1],
        },
      ],
    },
    {
      name: "Adopt",
      colour: "#0072b2",
      touchpoints: [
        {
          name: "Weekly usage report",
          channel: "email",
          action: "Reads the adoption report",
          team: "Customer success",
          emotions: [2, 1],
        },
        {
          name: "Renewal reminder",
          channel: "email",
          action: "Gets a renewal reminder 30 days ahead",
          team: "Billing",
          emotions: [1, 2],
        },
      ],
    },
  ],
};

import type { Template } from "./Template.ts";

/** Support: resolving a billing problem through tickets, chat and phone. */
export const SUPPORT_TICKET_TEMPLATE: Template = {
  id: "support-ticket",
  name: "Support: ticket resolution",
  summary: "A customer is double-charged and needs the problem fixed and refunded.",
  title: "I get a double charge refunded",
  scenario:
    "Ana was charged twice for her subscription. She looks for help, opens a ticket, gets passed between teams, and finally gets a refund. Where do we lose her trust?",
  personas: [
    {
      name: "Ana Souza",
      role: "Small-business owner",
      quote: "I don't want to explain this three times.",
      colour: "#d55e00",
      ageRange: "40–49",
      occupation: "Runs a bakery",
      location: "Lisbon, PT",
      goals: "Money back quickly\nKnow it won't happen again",
      frustrations: "Repeating her story\nNo status updates",
    },
  ],
  phases: [
    {
      name: "Notice",
      colour: "#56b4e9",
      touchpoints: [
        {
          name: "Sees two charges",
          channel: "mobileApp",
          action: "Spots a duplicate charge in her banking app",
          team: "Billing",
          emotions: [-2],
          thoughts: "Did they charge me twice?",
        },
      ],
    },
    {
      name: "Seek help",
      colour: "#e69f00",
      touchpoints: [
        {
          name: "Searches the help centre",
          channel: "website",
          action: "Searches 'charged twice'",
          team: "Support",
          emotions: [-2],
          painPoints: [
            { title: "No article about duplicate charges", rating: 3, owner: "Support" },
          ],
        },
        {
          name: "Tries the chatbot",
          channel: "liveChat",
          action: "Asks the bot for a refund",
          team: "Support",
          emotions: [-3],
          painPoints: [{ title: "Bot loops back to the help centre", rating: 5, owner: "Support" }],
          opportunities: [{ title: "Bot detects billing intent and hands over", rating: 5 }],
        },
      ],
    },
    {
      name: "Ticket",
      colour: "#cc79a7",
      touchpoints: [
        {
          name: "Opens a ticket",
          channel: "supportTicket",
          action: "Fills in the contact form",
          team: "Support",
          emotions: [-1],
        },
        {
          name: "Passed to billing",
          channel: "email",
          action: "Is asked to repeat details for billing",
          team: "Billing",
          emotions: [-3],
          thoughts: "I already told you all of this.",
          painPoints: [
            {
              title: "Hand-off loses the ticket history",
              detail: "Billing uses a separate queue; the customer re-explains.",
              rating: 5,
              owner: "Support ops",
            },
          ],
        },
        {
          name: "Calls the hotline",
          channel: "phone",
          action: "Calls after three days without an answer",
          team: "Support",
          emotions: [-2],
        },
      ],
    },
    {
      name: "Resolve",
      colour: "#009e73",
      touchpoints: [
        {
          name: "Refund confirmed",
          channel: "email",
          action: "Gets a refund confirmation",
          team: "Billing",
          emotions: [1],
        },
        {
          name: "Satisfaction survey",
          channel: "email",
          action: "Rates the support 2/5",
          team: "Support",
          emotions: [0],
          opportunities: [
            { title: "Proactive refund when a duplicate charge is detected", rating: 5 },
          ],
        },
      ],
    },
  ],
};

import type { Template } from "./Template.ts";

/** E-commerce: a first purchase from an online shop, from ad to repeat order. */
export const ECOMMERCE_TEMPLATE: Template = {
  id: "ecommerce-purchase",
  name: "E-commerce: first purchase",
  summary: "A shopper finds a running shoe on social, buys it on mobile and returns a size.",
  title: "I buy running shoes online for the first time",
  scenario:
    "Jamal sees an ad for a running shoe, compares sizes on his phone, buys, waits for delivery, exchanges for a bigger size, and decides whether to buy again.",
  personas: [
    {
      name: "Jamal Okafor",
      role: "First-time customer",
      quote: "I just want to know it'll fit before I pay.",
      colour: "#009e73",
      ageRange: "25–34",
      occupation: "Nurse",
      location: "Leeds, UK",
      goals: "Right size first time\nDelivery before the weekend",
      frustrations: "Size charts that differ by brand\nPaying for returns",
      behaviours: "Shops on his phone during breaks",
    },
    {
      name: "Erin Walsh",
      role: "Loyal customer",
      quote: "I know my size here, so I reorder in two taps.",
      colour: "#cc79a7",
      ageRange: "35–44",
      occupation: "Teacher",
    },
  ],
  phases: [
    {
      name: "Inspire",
      colour: "#56b4e9",
      touchpoints: [
        {
          name: "Sees an Instagram ad",
          channel: "paidAds",
          action: "Taps the ad for a trail shoe",
          team: "Marketing",
          emotions: [1, 0],
        },
        {
          name: "Lands on product page",
          channel: "mobileApp",
          action: "Looks at photos and reviews",
          team: "E-commerce",
          emotions: [1, 1],
        },
      ],
    },
    {
      name: "Choose",
      colour: "#e69f00",
      touchpoints: [
        {
          name: "Checks the size chart",
          channel: "website",
          action: "Compares his usual size with the chart",
          team: "E-commerce",
          emotions: [-2, 1],
          thoughts: "Is a 44 here the same as a 44 elsewhere?",
          painPoints: [{ title: "Size chart in US sizes only on mobile", rating: 4 }],
          opportunities: [{ title: "Fit finder based on a shoe you own", rating: 5 }],
        },
        {
          name: "Asks in live chat",
          channel: "liveChat",
          action: "Asks whether the shoe runs small",
          team: "Customer service",
          emotions: [1, 0],
        },
      ],
    },
    {
      name: "Buy",
      colour: "#009e73",
      touchpoints: [
        {
          name: "Checks out",
          channel: "mobileApp",
          action: "Pays with a wallet",
          team: "E-commerce",
          emotions: [1, 2],
        },
        {
          name: "Order confirmation",
          channel: "email",
          action: "Reads the confirmation and delivery window",
          team: "Operations",
          emotions: [1, 1],
        },
      ],
    },
    {
      name: "Receive",
      colour: "#cc79a7",
      touchpoints: [
        {
          name: "Tracks the parcel",
          channel: "mobileApp",
          action: "Checks tracking twice a day",
          team: "Operations",
          emotions: [-1, 0],
          painPoints: [{ title: "Tracking stuck on 'label created' for two days", rating: 3 }],
        },
        {
          name: "Tries the shoes on",
          channel: "inStore",
          action: "Tries them on at home: too small",
          team: "Product",
          emotions: [-3, 0],
          thoughts: "Should have gone half a size up.",
        },
      ],
    },
    {
      name: "Return",
      colour: "#d55e00",
      touchpoints: [
        {
          name: "Starts an exchange",
          channel: "website",
          action: "Requests a bigger size",
          team: "Customer service",
          emotions: [-1, 0],
          painPoints: [
            { title: "Exchange means refund + new order: paid twice for days", rating: 4 },
          ],
          opportunities: [{ title: "Instant exchange: ship the new size first", rating: 4 }],
        },
        {
          name: "Drops off the return",
          channel: "inStore",
          action: "Drops the parcel at a locker",
          team: "Operations",
          emotions: [0, 0],
        },
      ],
    },
    {
      name: "Repeat",
      colour: "#0072b2",
      touchpoints: [
        {
          name: "Review request",
          channel: "email",
          action: "Leaves a four-star review",
          team: "Marketing",
          emotions: [1, 2],
        },
        {
          name: "Reorders",
          channel: "mobileApp",
          action: "Buys a second pair in the right size",
          team: "E-commerce",
          emotions: [2, 3],
        },
      ],
    },
  ],
};

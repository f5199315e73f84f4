/** What people read for a persona's profile fields: the editor's labels and the PDF's. */
import type { DemographicField, PsychographicField } from "@journeymap/schema";

export const DEMOGRAPHIC_LABELS: Readonly<Record<DemographicField, string>> = {
  ageRange: "Age",
  gender: "Gender",
  occupation: "Occupation",
  education: "Education",
  income: "Income",
  location: "Location",
};

export const PSYCHOGRAPHIC_LABELS: Readonly<Record<PsychographicField, string>> = {
  goals: "Goals",
  needs: "Needs",
  motivations: "Motivations",
  frustrations: "Frustrations",
  interests: "Interests",
  behaviours: "Behaviours",
};

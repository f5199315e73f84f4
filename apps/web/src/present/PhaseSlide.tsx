/** The two kinds of slide: the overview (title, scenario, personas, agenda) and one phase. */
import { formatScore, type JourneyMap } from "@journeymap/schema";
import { CircleAlert, Lightbulb, MessageCircleMore } from "lucide-react";
import { CHANNEL_ICONS } from "../board/channelIcons.tsx";
import { sentimentColour } from "../board/curve.ts";
import { initials } from "../ui/initials.ts";
import { RichText } from "../ui/RichText.tsx";
import type { PhaseSlideContent, SlideStep } from "./slideContent.ts";
import "./PhaseSlide.css";

const stepCount = (n: number) => (n === 1 ? "1 step" : `${n} steps`);

export function TitleSlide({ map }: { map: JourneyMap }) {
  return (
    <section className="slide slide--title" data-testid="present.slide" data-slide="title">
      <h1 className="slide-title" data-testid="present.heading">
        {map.meta.title || "Untitled journey"}
      </h1>
      {map.meta.description && <p className="slide-lede">{map.meta.description}</p>}
      {map.personas.length > 0 && (
        <ul className="slide-personas" aria-label="Personas">
          {map.personas.map((p) => (
            <li key={p.id}>
              <span className="avatar slide-avatar" style={{ background: p.colour }}>
                {initials(p.name)}
              </span>
              <span>
                <strong>{p.name}</strong>
                {p.role && <span className="slide-muted"> · {p.role}</span>}
                {p.quote && <q className="slide-quote">{p.quote}</q>}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ol className="slide-agenda" aria-label="Phases">
        {map.phases.map((p) => (
          <li key={p.id} style={{ "--phase-colour": p.colour } as React.CSSProperties}>
            <span>{p.name}</span>
            <span className="slide-muted">
              {stepCount(map.touchpointsByPhase.get(p.id)?.length ?? 0)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Step({ step }: { step: SlideStep }) {
  const Icon = CHANNEL_ICONS[step.channel];
  return (
    <article className="slide-step" data-testid="present.step" aria-label={`Step ${step.name}`}>
      <span className="slide-channel">
        <Icon size={18} aria-hidden="true" /> {step.channelLabel}
      </span>
      <h3>{step.name}</h3>
      {step.doingContent.length > 0 ? (
        <RichText content={step.doingContent} className="slide-doing" />
      ) : (
        step.doing && <p className="slide-doing">{step.doing}</p>
      )}
      {step.thinking && (
        <div className="slide-thinking">
          <MessageCircleMore size={18} aria-label="Thinks" />
          <RichText content={step.thinkingContent} />
        </div>
      )}
      {step.emotions.length > 0 && (
        <ul className="slide-emotions" aria-label="Emotions">
          {step.emotions.map((e) => (
            <li key={e.personaId} title={e.note || undefined}>
              <span className="slide-dot" style={{ background: e.colour }} aria-hidden="true" />
              <span className="slide-persona">{e.persona}</span>
              <span
                className="slide-score"
                data-score={e.score}
                style={{ background: sentimentColour(e.score) }}
              >
                {formatScore(e.score)}
              </span>
              <span className="slide-muted">{e.label}</span>
            </li>
          ))}
        </ul>
      )}
      {step.painPoints.map((c) => (
        <p key={c.id} className="slide-card slide-card--pain">
          <CircleAlert size={18} aria-label="Pain point" /> {c.title}
          <span className="slide-muted"> · severity {c.rating}/5</span>
        </p>
      ))}
      {step.opportunities.map((c) => (
        <p key={c.id} className="slide-card slide-card--opportunity">
          <Lightbulb size={18} aria-label="Opportunity" /> {c.title}
          <span className="slide-muted"> · impact {c.rating}/5</span>
        </p>
      ))}
      {step.team && <p className="slide-team slide-muted">Owned by {step.team}</p>}
    </article>
  );
}

export function PhaseSlide({ content }: { content: PhaseSlideContent }) {
  const { phase, steps } = content;
  return (
    <section
      className="slide"
      data-testid="present.slide"
      data-slide={phase.id}
      style={{ "--phase-colour": phase.colour } as React.CSSProperties}
    >
      <h2 className="slide-phase" data-testid="present.heading">
        {phase.name}
      </h2>
      {phase.description && <p className="slide-lede">{phase.description}</p>}
      {steps.length === 0 ? (
        <p className="slide-lede slide-muted">No steps in this phase yet.</p>
      ) : (
        <div className="slide-steps" style={{ "--steps": steps.length } as React.CSSProperties}>
          {steps.map((s) => (
            <Step key={s.id} step={s} />
          ))}
        </div>
      )}
    </section>
  );
}

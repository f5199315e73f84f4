import type { SubscribableEvent, Webhook } from "@journeymap/protocol/http";
import { Webhook as WebhookIcon } from "lucide-react";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { CopyField } from "../ui/CopyField.tsx";
import { FormError } from "../ui/FormError.tsx";
import { SubmitButton } from "../ui/SubmitButton.tsx";
import { useAction } from "../ui/useAction.ts";
import { EVENT_LABELS } from "./eventLabels.ts";
import { WebhookRow } from "./WebhookRow.tsx";
import { createWebhook, type HookScope, listWebhooks } from "./webhooksApi.ts";
import "./webhooks.css";

const EVENTS = Object.keys(EVENT_LABELS) as SubscribableEvent[];

/**
 * Outgoing webhooks of a map (in its share dialog) or a workspace (on the admin page): add one
 * (URL, events, a note; its signing secret is shown once), list them, switch them on and off,
 * send a test event, read the delivery log, delete.
 */
export function WebhooksPanel({ scope }: { scope: HookScope }) {
  const [hooks, setHooks] = useState<readonly Webhook[] | null>(null);
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<ReadonlySet<SubscribableEvent>>(
    new Set(["evidence.submitted"]),
  );
  const [secret, setSecret] = useState<string | null>(null);
  const action = useAction();
  const { run } = action;
  const reload = useCallback(async () => setHooks(await listWebhooks(scope)), [scope]);
  useEffect(() => {
    void run(reload);
  }, [run, reload]);

  const change = (work: () => Promise<unknown>) =>
    run(async () => {
      await work();
      await reload();
    });

  const toggle = (event: SubscribableEvent) => {
    const next = new Set(events);
    if (next.has(event)) next.delete(event);
    else next.add(event);
    setEvents(next);
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    void change(async () => {
      const created = await createWebhook(scope, {
        url: url.trim(),
        events: [...events],
        ...(description.trim() ? { description: description.trim() } : {}),
      });
      setSecret(created.secret);
      setUrl("");
      setDescription("");
    });
  };

  return (
    <div className="webhooks" data-testid="webhooks.panel">
      <p className="panel-note">
        {scope.kind === "map" ? "This map's" : "Every map's"} events go to your URL as signed JSON
        (Standard Webhooks); failed deliveries are retried with back-off.
      </p>
      <form className="webhook-form" onSubmit={add} aria-label="New webhook">
        <input
          required
          type="url"
          maxLength={2000}
          placeholder="https://chat.example.com/hooks/…"
          aria-label="Webhook URL"
          data-testid="webhooks.url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <input
          maxLength={200}
          placeholder="What it is for, e.g. #cx-team channel"
          aria-label="Description"
          data-testid="webhooks.description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <fieldset className="webhook-events">
          <legend>Send</legend>
          {EVENTS.map((event) => (
            <label key={event} className="webhook-check">
              <input
                type="checkbox"
                checked={events.has(event)}
                data-testid={`webhooks.event-${event}`}
                onChange={() => toggle(event)}
              />
              {EVENT_LABELS[event]}
            </label>
          ))}
        </fieldset>
        <SubmitButton disabled={action.busy || events.size === 0} testId="webhooks.create">
          <WebhookIcon size={14} aria-hidden="true" /> Add webhook
        </SubmitButton>
      </form>
      {secret && (
        <>
          <p className="panel-note">
            Signing secret: copy it now, it is shown only this once. Verify the webhook-signature
            header with it.
          </p>
          <CopyField value={secret} label="Signing secret" testId="webhooks.secret" />
        </>
      )}
      <FormError error={action.error} testId="webhooks.error" />
      {hooks !== null &&
        (hooks.length === 0 ? (
          <p className="panel-note">No webhooks yet.</p>
        ) : (
          <ul className="webhook-list" aria-label="Webhooks">
            {hooks.map((hook) => (
              <WebhookRow
                key={hook.id}
                scope={scope}
                hook={hook}
                busy={action.busy}
                change={change}
              />
            ))}
          </ul>
        ))}
    </div>
  );
}

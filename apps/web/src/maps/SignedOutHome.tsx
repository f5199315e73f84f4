import type { Instance } from "@journeymap/protocol/http";
import { useState } from "react";
import { SignInForm } from "../account/SignInForm.tsx";
import { SignUpForm } from "../account/SignUpForm.tsx";
import { ImportButton } from "../import/ImportButton.tsx";
import { displayName, setDisplayName } from "../sync/tokens.ts";
import { DeviceMaps } from "./DeviceMaps.tsx";
import { NewMapForm } from "./NewMapForm.tsx";
import "../account/account.css";
import "./maps.css";

/**
 * The home page signed out: signing in (or, on a fresh server, creating its admin), and the
 * maps this device holds links for, which work without an account as before.
 */
export function SignedOutHome({ instance }: { instance: Instance | null }) {
  const [name, setName] = useState(displayName());
  return (
    <div className="page home-signed-out">
      <h1>Journey maps</h1>
      <p className="page-lede">
        Map how customers move through your product, together and in real time.
      </p>
      <div className="home-columns">
        <section className="auth-card" data-testid="home.sign-in">
          {instance?.needsAdmin ? (
            <SignUpForm next="/" firstAdmin embedded />
          ) : (
            <SignInForm instance={instance} next="/" embedded />
          )}
        </section>
        <section aria-labelledby="device-maps">
          <h2 id="device-maps" className="section-title">
            Maps on this device
          </h2>
          <p className="page-lede">
            Maps made without signing in, or opened by a link: only their links open them.
          </p>
          <div className="new-map">
            <label>
              Your name, as others see it{" "}
              <input
                aria-label="Your name"
                value={name}
                placeholder="Guest"
                maxLength={40}
                onChange={(e) => {
                  setName(e.target.value);
                  setDisplayName(e.target.value);
                }}
              />
            </label>
          </div>
          <NewMapForm />
          <ImportButton />
          <DeviceMaps empty="No maps on this device yet. Create the first one above." />
        </section>
      </div>
    </div>
  );
}

import { describe, expect, it } from "vitest";
import { parseFollowRequest, presentKeyAction } from "../../src/present/presentInput.ts";

const key = (
  k: string,
  mods: Partial<Record<"shiftKey" | "ctrlKey" | "metaKey" | "altKey", boolean>> = {},
) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("parseFollowRequest", () => {
  it("presents without ?follow, follows anyone with a bare one, someone with an id", () => {
    expect(parseFollowRequest("")).toEqual({ follow: false, clientId: null });
    expect(parseFollowRequest("?follow")).toEqual({ follow: true, clientId: null });
    expect(parseFollowRequest("?follow=42")).toEqual({ follow: true, clientId: 42 });
  });
  it("treats an id that is not a positive integer as anyone", () => {
    expect(parseFollowRequest("?follow=-3").clientId).toBeNull();
    expect(parseFollowRequest("?follow=1.5").clientId).toBeNull();
    expect(parseFollowRequest("?follow=abc").clientId).toBeNull();
  });
});

describe("presentKeyAction", () => {
  it("moves with clicker keys, toggles full screen with F", () => {
    expect(presentKeyAction(key("ArrowRight"), false)).toBe("next");
    expect(presentKeyAction(key(" ", { shiftKey: true }), false)).toBe("previous");
    expect(presentKeyAction(key("f"), false)).toBe("fullscreen");
    expect(presentKeyAction(key("F"), true)).toBe("fullscreen");
  });
  it("leaves on Escape only outside full screen", () => {
    expect(presentKeyAction(key("Escape"), false)).toBe("exit");
    expect(presentKeyAction(key("Escape"), true)).toBeNull();
  });
  it("leaves shortcuts with modifiers and other keys to the browser", () => {
    expect(presentKeyAction(key("ArrowRight", { ctrlKey: true }), false)).toBeNull();
    expect(presentKeyAction(key("f", { metaKey: true }), false)).toBeNull();
    expect(presentKeyAction(key("Escape", { altKey: true }), false)).toBeNull();
    expect(presentKeyAction(key("x"), false)).toBeNull();
  });
});

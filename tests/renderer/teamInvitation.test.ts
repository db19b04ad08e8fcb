import { describe, expect, it } from "vitest";
import { invitationText, readInvitation } from "../../renderer/components/team/invitation.js";

describe("an invitation copied from the team dialog and pasted into Join", () => {
  it("comes back as the same link and token", () => {
    const invitation = { link: "wss://team.example.org/p1,wss://b.example.org/p1", token: "tandai_AbC-12_x" };
    expect(readInvitation(invitationText(invitation))).toEqual(invitation);
    // Windows line ends and stray blank lines or spaces from a chat message do not matter.
    expect(readInvitation(`  ${invitation.link}\r\n\r\n${invitation.token}  \r\n`)).toEqual(invitation);
  });

  it("leaves anything else to paste as usual (a bare link, prose, a link without a token)", () => {
    expect(readInvitation("wss://team.example.org/p1")).toBeNull();
    expect(readInvitation("Hi Rina,\nhere it is")).toBeNull();
    expect(readInvitation("https://team.example.org/p1\ntandai_x")).toBeNull();
    expect(readInvitation("wss://team.example.org/p1\ntoken with spaces")).toBeNull();
    expect(readInvitation("wss://a/p\ntandai_x\nextra")).toBeNull();
  });
});

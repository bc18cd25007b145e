package org.chorus.events;

/** Whom an invitation went to, only ever on the wire sealed inside {@link SealedInvitationCreated}. */
public record InviteeIdentity(String organisation, String country) {}

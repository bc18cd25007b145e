package org.chorus.signatures.identity;

/** Who a signer is: what a withheld signer's sealed record holds. {@code qualifier} is the affiliation for individuals. */
public record Identity(String name, String qualifier, String email) {}

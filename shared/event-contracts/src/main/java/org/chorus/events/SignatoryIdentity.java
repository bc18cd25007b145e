package org.chorus.events;

/**
 * How a public signatory appears in a list (name and qualifier), only ever on the wire sealed inside a v2 signature
 * event ({@link SealedSignatureConfirmed}, {@link SealedSignatureCorrected}) for the service that prints lists.
 */
public record SignatoryIdentity(String name, String qualifier) {}

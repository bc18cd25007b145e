package org.chorus.signatures.identity;

/**
 * Who a signer is: what a withheld signer's sealed record holds. {@code qualifier} is the affiliation for individuals;
 * {@code contactName} is the person signing for an organisation (null for individuals and identities sealed before
 * it existed).
 */
public record Identity(String name, String qualifier, String email, String contactName) {

    public Identity(String name, String qualifier, String email) {
        this(name, qualifier, email, null);
    }

    public Identity withContactName(String contactName) {
        return new Identity(name, qualifier, email, contactName);
    }
}

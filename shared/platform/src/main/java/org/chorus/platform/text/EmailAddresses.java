package org.chorus.platform.text;

import java.util.regex.Pattern;

/**
 * The one check of an e-mail address a person gives (signers, invitees, press contacts, coordinators), at every door:
 * forms, JSON APIs ({@link EmailAddress}) and imports. An address must reach a mailbox on the public mail system: a
 * local part (dot-atom, letters of any script allowed, or a quoted string) at a domain name of at least two labels
 * whose last label holds a letter. Refused as {@link Verdict#NOT_A_DOMAIN_NAME}: IP literals ({@code a@[127.0.0.1]},
 * {@code a@[IPv6:::1]}), bare IP addresses ({@code a@127.0.0.1}) and single-label names ({@code a@localhost}): mail
 * there goes to a host of the sender's choosing, or to this platform's own machine, never to a signer. A trailing dot
 * (the DNS root) is allowed. At most 254 characters, the local part at most 64.
 */
public final class EmailAddresses {
    private static final String ATOM = "[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern DOT_ATOM = Pattern.compile(ATOM + "(?:\\." + ATOM + ")*");
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\\\p{Cntrl}]|\\\\[^\\p{Cntrl}])+\"");
    private static final Pattern LABEL =
            Pattern.compile("[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]{0,61}[\\p{L}\\p{M}\\p{N}])?");
    private static final Pattern HAS_LETTER = Pattern.compile(".*\\p{L}.*");

    /** What the check found. */
    public enum Verdict {
        ACCEPTED,
        /** Not an e-mail address at all (no @, spaces, a broken local part or domain, too long). */
        MALFORMED,
        /** An address at an IP address or at a single name such as {@code localhost}. */
        NOT_A_DOMAIN_NAME
    }

    public static boolean acceptable(String address) {
        return check(address) == Verdict.ACCEPTED;
    }

    public static Verdict check(String address) {
        if (address == null || address.isEmpty() || address.length() > 254) {
            return Verdict.MALFORMED;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return Verdict.MALFORMED;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > 64
                || !(DOT_ATOM.matcher(local).matches() || QUOTED.matcher(local).matches())) {
            return Verdict.MALFORMED;
        }
        if (domain.startsWith("[")) {
            return Verdict.NOT_A_DOMAIN_NAME;
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.isEmpty() || domain.length() > 253) {
            return Verdict.MALFORMED;
        }
        String[] labels = domain.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Verdict.MALFORMED;
            }
        }
        if (labels.length < 2 || !HAS_LETTER.matcher(labels[labels.length - 1]).matches()) {
            return Verdict.NOT_A_DOMAIN_NAME;
        }
        return Verdict.ACCEPTED;
    }

    private EmailAddresses() {}
}

package org.chorus.events;

/** Whether a signatory's name may appear publicly. A withheld signer counts, but appears in events only by id. */
public enum Visibility {
    PUBLIC,
    WITHHELD
}

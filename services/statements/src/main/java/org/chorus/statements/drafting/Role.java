package org.chorus.statements.drafting;

/** A coordinator's role on one statement, from least to most. */
public enum Role {
    VIEWER,
    COMMENTER,
    EDITOR,
    OWNER;

    public boolean atLeast(Role minimum) {
        return compareTo(minimum) >= 0;
    }
}

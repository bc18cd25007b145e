package org.chorus.signatures.statements;

/**
 * The text a signer reads: the statement's primary text, or its translation into the language the signer chose when
 * that translation is final and no material revision made it stale since. {@code contentHash} is this text's own
 * fingerprint (the translation's content hash, or the primary's); {@code revision} the statement's revision it stands
 * for.
 */
public record StatementText(
        String language, String title, String text, String contentHash, int revision, boolean translation) {

    public String shortHash() {
        return contentHash.substring(0, Math.min(12, contentHash.length()));
    }

    static StatementText primary(OpenStatement statement) {
        return new StatementText(
                statement.language(),
                statement.title(),
                statement.text(),
                statement.contentHash(),
                statement.revision(),
                false);
    }
}

package org.chorus.distribution.releases;

import java.util.List;
import org.chorus.distribution.signatories.SignatoryBlock;
import org.chorus.distribution.statements.StatementCopies.StatementCopy;

/** The plain-text mail of a release: the title, the text, then the numbered signatories. */
final class ReleaseMail {

    static String body(StatementCopy statement, List<SignatoryBlock.Signatory> signatories) {
        return statement.title()
                + "\n\n"
                + statement.text()
                + "\n\nSignatories:\n\n"
                + String.join("\n", SignatoryBlock.lines(signatories, statement.language()))
                + "\n";
    }

    private ReleaseMail() {}
}

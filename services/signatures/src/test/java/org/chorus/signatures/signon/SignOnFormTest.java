package org.chorus.signatures.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SignOnFormTest {

    @Test
    void aPostedFormIsReadTrimmedWithOnlyRecognisedTicksCountingAsTicked() {
        Map<String, String> posted = Map.of(
                "name", "\u00a0Lawyers for Lawyers ",
                "email", " office@lawyersforlawyers.example",
                "authorised", " ON",
                "countCountry", "on\u0000",
                "revisionHash", "a".repeat(64));

        SignOnForm form = SignOnForm.read(posted::get);

        assertThat(form.name()).isEqualTo("Lawyers for Lawyers");
        assertThat(form.email()).isEqualTo("office@lawyersforlawyers.example");
        assertThat(form.authorised()).isTrue();
        assertThat(form.countCountry()).isFalse();
        assertThat(form.country()).isEmpty();
        assertThat(form.individual()).isFalse();
    }

    @Test
    void anUntickedBoxIsNeitherTickedNorRefused() {
        SignOnForm form = SignOnForm.read(Map.of("kind", "individual")::get);

        assertThat(form.authorised()).isNull();
        assertThat(form.individual()).isTrue();
    }
}

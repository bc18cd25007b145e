package org.chorus.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.chorus.console.web.ConsoleLocale;
import org.junit.jupiter.api.Test;

class ConsoleMessagesTest {

    @Test
    void everyConsoleTextExistsInTheSixLanguages() {
        Set<String> english = load("").stringPropertyNames();
        for (String language : ConsoleLocale.LANGUAGES) {
            Properties texts = load(language.equals("en") ? "" : "_" + language);
            assertThat(new TreeSet<>(texts.stringPropertyNames())).as(language).isEqualTo(new TreeSet<>(english));
            texts.forEach((key, value) ->
                    assertThat(value.toString()).as(language + " " + key).isNotBlank());
        }
    }

    @Test
    void everyTextAPageAsksForIsInTheBundle() throws IOException {
        Set<String> english = load("").stringPropertyNames();
        Pattern literal = Pattern.compile("#\\{([a-zA-Z]+\\.[a-zA-Z.]+[a-zA-Z])[}(]");
        try (Stream<Path> pages = Files.list(Path.of("src/main/resources/templates/chorus-console"))) {
            for (Path page : pages.toList()) {
                Matcher keys = literal.matcher(Files.readString(page));
                while (keys.find()) {
                    assertThat(english)
                            .as(page.getFileName() + " asks for " + keys.group(1))
                            .contains(keys.group(1));
                }
            }
        }
    }

    private static Properties load(String suffix) {
        String name = "/messages/chorus-console" + suffix + ".properties";
        try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

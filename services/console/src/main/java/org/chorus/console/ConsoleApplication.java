package org.chorus.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one coordinator console: it renders every coordinator page from the four services' JSON APIs with the
 * coordinator's session token, which it keeps in its server-side session only. It stores nothing else.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ConsoleApplication.class).properties("spring.config.name=console");
    }

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, "--spring.config.name=console");
    }
}

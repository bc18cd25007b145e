package org.chorus.statements;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** What /v3/api-docs says about the API as a whole: every call takes a personal bearer token. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Chorus statements API",
                        version = "v1",
                        description = "Drafting joint statements: revisions, diffs, roles, translations, comments,"
                                + " lifecycle and schedule. Errors are RFC 9457 problem+json naming the field."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
        name = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "A personal API token: POST /api/tokens with e-mail, password and TOTP code.")
class ApiDocumentation {}

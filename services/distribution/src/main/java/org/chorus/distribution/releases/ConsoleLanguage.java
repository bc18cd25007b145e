package org.chorus.distribution.releases;

import org.chorus.platform.web.RequestLanguage;
import org.springframework.stereotype.Component;

/** The release pages follow the request's language. */
@Component("localeResolver")
class ConsoleLanguage extends RequestLanguage {}

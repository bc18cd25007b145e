package org.chorus.tracking.console;

import org.chorus.platform.web.RequestLanguage;
import org.springframework.stereotype.Component;

/** Tracking holds no accounts, so the console follows the request's language. */
@Component("localeResolver")
class ConsoleLanguage extends RequestLanguage {}

package org.chorus.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any Spring code runs (an encoded slash or NUL in the address, say) get the same
 * answers as every other refusal: problem+json under {@code /api/}, a short page elsewhere, no server version, and the
 * security headers of every answer.
 */
@Component
public class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    private final SecurityHeaders headers;

    public ContainerErrors(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // the host keeps this instance rather than making one of the class
                if (java.util.Arrays.stream(host.getPipeline().getValves()).noneMatch(Valve.class::isInstance)) {
                    host.getPipeline().addValve(new Valve(headers));
                }
                host.setErrorReportValveClass(Valve.class.getName());
            }
        });
    }

    public static class Valve extends ErrorReportValve {
        private final SecurityHeaders headers;

        public Valve() {
            this(null);
        }

        Valve(SecurityHeaders headers) {
            this.headers = headers;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            String uri = request.getRequestURI();
            if (headers != null && !response.isCommitted()) {
                headers.applyTo(response, uri);
            }
            if (uri == null || !uri.startsWith("/api/")) {
                super.report(request, response, throwable);
                return;
            }
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = known == null ? "The request cannot be served." : ProblemErrorController.detail(known);
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response cannot take a body: nothing more to tell it
            }
        }
    }
}

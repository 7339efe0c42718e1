package nl.geboorteketen.server.web;

import ca.uhn.fhir.rest.api.EncodingEnum;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The server speaks FHIR JSON and XML. HAPI routes a Turtle (RDF) body or answer to its RDF parser,
 * which needs Apache Jena, and the server leaves Jena out (docs/decisions.md, "Turtle left out").
 * So Turtle is answered before HAPI: a Turtle body gets 415, {@code _format} asking for Turtle 406,
 * and Turtle in an Accept header is struck out, so HAPI chooses among the rest (406 if nothing is left).
 */
public class TurtleRefusalFilter extends HttpFilter {

  private static final String ACCEPT = "Accept";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isTurtle(request.getContentType())) {
      PlainOutcome.send(response, 415, "not-supported",
          "Turtle (RDF) wordt niet aangenomen: stuur de resource als application/fhir+json of application/fhir+xml.");
      return;
    }
    String[] formats = request.getParameterValues("_format");
    if (formats != null && Arrays.stream(formats).anyMatch(TurtleRefusalFilter::isTurtle)) {
      notAcceptable(response, "_format");
      return;
    }
    // every range of every Accept line, as HAPI reads them all
    List<String> ranges = Collections.list(request.getHeaders(ACCEPT)).stream()
        .flatMap(line -> Arrays.stream(line.split(",")))
        .collect(Collectors.toList());
    List<String> rest = ranges.stream()
        .filter(range -> !isTurtle(range.split(";", 2)[0]))
        .collect(Collectors.toList());
    if (rest.size() == ranges.size()) {
      chain.doFilter(request, response);
      return;
    }
    if (rest.isEmpty()) {
      notAcceptable(response, "de Accept-header");
      return;
    }
    chain.doFilter(new AcceptWithout(request, String.join(",", rest)), response);
  }

  /** Whether a media type or a {@code _format} value names Turtle, as HAPI reads it. */
  static boolean isTurtle(String type) {
    if (type == null || type.isBlank()) {
      return false;
    }
    String bare = type.trim();
    if (bare.regionMatches(true, 0, "html/", 0, 5)) {
      bare = bare.substring(5);
    }
    return bare.equalsIgnoreCase("turtle") || EncodingEnum.forContentType(bare) == EncodingEnum.RDF;
  }

  private static void notAcceptable(HttpServletResponse response, String where) throws IOException {
    PlainOutcome.send(response, 406, "not-supported", "Turtle (RDF) wordt niet geleverd, gevraagd in " + where
        + ": vraag om JSON of XML (_format=json of _format=xml, of Accept: application/fhir+json of application/fhir+xml).");
  }

  private static final class AcceptWithout extends HttpServletRequestWrapper {
    private final String accept;

    AcceptWithout(HttpServletRequest request, String accept) {
      super(request);
      this.accept = accept;
    }

    @Override
    public String getHeader(String name) {
      return ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(accept)) : super.getHeaders(name);
    }
  }
}

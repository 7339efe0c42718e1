package nl.geboorteketen.server.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The plain page at "/": where to find the FHIR endpoint, its metadata, the package and the docs. */
public class StartPageServlet extends HttpServlet {

  private final String packageId;
  private final String packageVersion;

  public StartPageServlet(String packageId, String packageVersion) {
    this.packageId = packageId;
    this.packageVersion = packageVersion;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("text/html;charset=utf-8");
    String html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Geboorteketen FHIR server</title>
        <style>body{font-family:sans-serif;max-width:46rem;margin:2rem auto;line-height:1.5}</style></head>
        <body>
        <h1>Geboorteketen</h1>
        <p>FHIR R4 server for the Dutch birth-care chain: midwife, kraamzorg and JGZ.</p>
        <ul>
          <li>FHIR endpoint: <a href="fhir">/fhir</a></li>
          <li>CapabilityStatement: <a href="fhir/metadata">/fhir/metadata</a></li>
          <li>API explorer (Swagger UI): <a href="fhir/swagger-ui/">/fhir/swagger-ui/</a>,
              OpenAPI document: <a href="fhir/api-docs">/fhir/api-docs</a></li>
          <li>Profile package %s#%s: <a href="package.tgz">package.tgz</a>,
              profiles: <a href="fhir/StructureDefinition?_summary=true">/fhir/StructureDefinition</a></li>
          <li>Documentation: README.md in the source repository</li>
        </ul>
        </body></html>
        """.formatted(packageId, packageVersion);
    resp.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
  }
}

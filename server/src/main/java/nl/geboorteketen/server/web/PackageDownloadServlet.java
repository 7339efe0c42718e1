package nl.geboorteketen.server.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.geboorteketen.server.packages.ProfilePackage;

/** Serves our FHIR package as a tarball, for validators and IG tooling of chain partners. */
public class PackageDownloadServlet extends HttpServlet {

  private final ProfilePackage profilePackage;

  public PackageDownloadServlet(ProfilePackage profilePackage) {
    this.profilePackage = profilePackage;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("application/gzip");
    resp.setHeader("Content-Disposition",
        "attachment; filename=\"" + profilePackage.id() + "-" + profilePackage.version() + ".tgz\"");
    resp.getOutputStream().write(profilePackage.bytes());
  }
}

package nl.geboorteketen.server.health;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For the load balancer, anonymous, JSON. {@code /health/live}: the process answers HTTP (200).
 * {@code /health/ready}: every {@link HealthChecks} check passes (200), else 503 so the balancer
 * sends no traffic here until it is ready again.
 */
public class HealthServlet extends HttpServlet {

  private final HealthChecks checks;

  public HealthServlet(HealthChecks checks) {
    this.checks = checks;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    switch (path) {
      case "/live" -> write(response, 200, Map.of());
      case "/ready" -> {
        Map<String, HealthChecks.Result> results = checks.run();
        boolean up = results.values().stream().allMatch(HealthChecks.Result::up);
        write(response, up ? 200 : 503, results);
      }
      default -> response.sendError(404);
    }
  }

  private static void write(HttpServletResponse response, int status, Map<String, HealthChecks.Result> results)
      throws IOException {
    boolean up = status == 200;
    StringBuilder json = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append('"');
    if (!results.isEmpty()) {
      json.append(",\"checks\":{");
      String sep = "";
      for (Map.Entry<String, HealthChecks.Result> e : new LinkedHashMap<>(results).entrySet()) {
        json.append(sep).append('"').append(e.getKey()).append("\":{\"status\":\"")
            .append(e.getValue().up() ? "UP" : "DOWN").append("\",\"detail\":\"")
            .append(escape(e.getValue().detail())).append("\"}");
        sep = ",";
      }
      json.append('}');
    }
    json.append('}');
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json;charset=utf-8");
    response.getOutputStream().write(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String escape(String text) {
    return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
  }
}

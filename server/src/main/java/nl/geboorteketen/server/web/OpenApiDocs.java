package nl.geboorteketen.server.web;

import ca.uhn.fhir.rest.openapi.OpenApiInterceptor;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * HAPI's OpenAPI document and Swagger UI, with what an integrator needs to call us: the bearer
 * scheme every FHIR request uses (so Swagger's "Authorize" takes a token) and our operations'
 * parameters as the package's OperationDefinitions declare them.
 */
public class OpenApiDocs extends OpenApiInterceptor {

  static final String BEARER = "bearer";

  private final OperationParameterDocs operations;

  public OpenApiDocs(OperationParameterDocs operations) {
    this.operations = operations;
  }

  @Override
  protected OpenAPI generateOpenApi(ServletRequestDetails request) {
    // HAPI writes the document without a charset (ISO-8859-1 by default): "Eén" would reach the reader as "E?n"
    if (request.getServletResponse() != null) {
      request.getServletResponse().setCharacterEncoding("UTF-8");
    }
    OpenAPI api = super.generateOpenApi(request);
    if (api.getComponents() == null) {
      api.setComponents(new Components());
    }
    api.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
        .scheme("bearer").bearerFormat("JWT")
        .description("Een OAuth2 bearer JWT (zie README, \"Security\"). Lokaal met GK_DEV_TOKENS=true: "
            + "curl -s -d identity=beheerder http://localhost:8080/dev/token en plak access_token hier."));
    api.addSecurityItem(new SecurityRequirement().addList(BEARER));
    operations.describe(api);
    return api;
  }
}

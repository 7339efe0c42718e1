package nl.geboorteketen.server.storage;

import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Storage behaviour seen by clients: no free connection is 503, a lost If-Match race is 412. */
@Configuration
public class StorageConfig {

  @Bean
  public StorageUnavailableInterceptor storageUnavailableInterceptor(RestfulServer restfulServer) {
    StorageUnavailableInterceptor interceptor = new StorageUnavailableInterceptor();
    restfulServer.registerInterceptor(interceptor);
    return interceptor;
  }

  @Bean
  public IfMatchInterceptor ifMatchInterceptor(RestfulServer restfulServer) {
    IfMatchInterceptor interceptor = new IfMatchInterceptor();
    restfulServer.registerInterceptor(interceptor);
    return interceptor;
  }
}

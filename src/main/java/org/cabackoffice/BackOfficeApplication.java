package org.cabackoffice;

import org.cabackoffice.domain.corroboration.PerspectiveApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BackOfficeApplication {

  public static void main(String[] args) {
    // One jar, two kinds of process: a remote network perspective (BR 3.2.2.9) runs its own small
    // context, without the database, the engine or the pages.
    if (PerspectiveApplication.requested(args)) {
      PerspectiveApplication.main(args);
      return;
    }
    SpringApplication.run(BackOfficeApplication.class, args);
  }
}

package org.cabackoffice.automationtest;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Storage of {@link AutomationTestRun}s. */
public interface AutomationTestRunRepository extends Repository<AutomationTestRun, Long> {

  AutomationTestRun save(AutomationTestRun run);

  Optional<AutomationTestRun> findById(Long id);

  List<AutomationTestRun> findTop20ByOrderByIdDesc();

  Optional<AutomationTestRun> findFirstByResultOrderByIdDesc(AutomationTestRun.Result result);

  Optional<AutomationTestRun> findFirstByResultNotOrderByIdDesc(AutomationTestRun.Result result);
}

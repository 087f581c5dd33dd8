package org.cabackoffice.teamboard.camunda;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.cabackoffice.security.camunda.GrantedTaskAuthorizations;
import org.cabackoffice.teamboard.BoardTasks;
import org.cabackoffice.workflow.RenewalProcess;
import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.OfficerTaskFilters;
import org.cabackoffice.workflow.camunda.TaskDueDateIndex;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Issue 12's task list at scale: N open application tasks in a PostgreSQL database of its own,
 * then the first page of an officer's Tasklist filter sorted by due date, and the team board's
 * first page, timed over many runs (p50/p95).
 *
 * <p>The engine is the back office's (Camunda 7.24, authorization on as in application.yml). The
 * filters are the real ones: {@link OfficerTaskFilters#createMissing()} saves them, the officer's
 * page runs as Tasklist's REST call does for the logged-in officer ({@code filterService.listPage}
 * and {@code count} under the officer's authentication, then the page's column variables), with
 * the grants StaffPermissions gives validation officers. The board's page is {@link
 * CamundaBoardTasks#tasks} itself. The process is the application process's key with its two
 * kinds of officer task: validation officers' ({@code confirm-organization}, 90 %) and senior
 * officers' ({@code approve-issuance}, 10 %), the due date from {@code serviceLevelDeadline} as
 * the model sets it, the columns' variables, about 5 % claimed by some officer. The engine has the
 * back office's {@link TaskDueDateIndex}. Instances are
 * started through the engine API, 500 to a transaction, with history {@code none}: the queries
 * read only the runtime tables, and history would only slow the setup.
 *
 * <p>Arguments: database name (created if missing, kept for the next run; tasks are added up to
 * N), N, and the measured runs per query; 0 runs prints each query's SQL and parameters instead, -1 only fills the database; a fourth
 * argument {@code pages} times the filters' first pages alone (no count, no board), {@code counts}
 * the filter's count and the board, {@code board} the board alone, {@code all} everything; then flags: {@code noindex} runs the
 * engine without {@link TaskDueDateIndex}, {@code taskrows} with Camunda's default authorization
 * provider (per-task rows, as before {@link GrantedTaskAuthorizations}; without it the rows there
 * are deleted at start as the back office does).
 */
public final class TaskListScale {

  private static final String OFFICER = "tanaka";
  private static final List<String> GROUPS = List.of("validationOfficers");
  private static final int TASKLIST_PAGE = 15;
  /** TeamBoard.PAGE_SIZE (package-private in another package). */
  private static final int BOARD_PAGE = 20;

  public static void main(String[] args) throws Exception {
    String database = args.length > 0 ? args[0] : "bench_tasklist_scale";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    String what = args.length > 3 ? args[3] : "all";
    List<String> flags = args.length > 4 ? Arrays.asList(args).subList(4, args.length) : List.of();
    boolean taskRows = flags.contains("taskrows");
    quietLogging();
    createDatabase(database);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/" + database);
    configuration.setJdbcUsername("postgres");
    configuration.setJdbcPassword("");
    configuration.setJdbcDriver("org.postgresql.Driver");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    configuration.setJobExecutorActivate(false);
    configuration.setAuthorizationEnabled(true);
    configuration.setJdbcMaxActiveConnections(6);
    // The back office's index on the due date (workflow/camunda); "noindex" leaves it out, for
    // the figure before (drop ACT_IDX_TASK_DUE_DATE in psql first).
    if (!flags.contains("noindex")) {
      configuration.setProcessEnginePlugins(List.of(new TaskDueDateIndex()));
    }
    // The back office's authorization provider, which writes no per-task rows for the officers'
    // processes; "taskrows" runs Camunda's default, which writes one per candidate group and
    // assignee (the figure before).
    if (!taskRows) {
      configuration.setResourceAuthorizationProvider(new GrantedTaskAuthorizations());
    }
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      prepare(engine);
      if (!taskRows) {
        // As StaffPermissions does at the back office's start: the rows written before go.
        long t0 = System.nanoTime();
        int deleted = GrantedTaskAuthorizations.deleteRepeatedRows((ProcessEngineConfigurationImpl) configuration);
        System.out.printf("deleted %,d per-task authorizations in %.0f ms%n", deleted, (System.nanoTime() - t0) / 1e6);
      }
      fill(engine, (ProcessEngineConfigurationImpl) configuration, n);
      System.out.printf("per-task authorizations: %,d%n",
          engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK).count());
      if (runs >= 0) {
        measure(engine, runs, what);
      }
    } finally {
      engine.close();
    }
  }

  private static void prepare(ProcessEngine engine) {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(RenewalProcess.PROCESS_KEY).count() == 0) {
      engine.getRepositoryService().createDeployment().name("task-list-scale")
          .addModelInstance("certificate-renewal.bpmn", model()).deploy();
      AuthorizationService auth = engine.getAuthorizationService();
      // As StaffPermissions grants them to validation officers.
      grant(auth, Resources.FILTER, "*", Permissions.READ);
      grant(auth, Resources.PROCESS_DEFINITION, RenewalProcess.PROCESS_KEY,
          Permissions.READ, Permissions.READ_TASK, Permissions.TASK_WORK, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
      grant(auth, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    }
    new OfficerTaskFilters(engine.getFilterService(), engine.getTaskService(), engine.getRepositoryService()).createMissing();
  }

  private static void grant(AuthorizationService auth, Resource resource, String id, Permissions... permissions) {
    Authorization a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(GROUPS.get(0));
    a.setResource(resource);
    a.setResourceId(id);
    for (Permissions p : permissions) {
      a.addPermission(p);
    }
    auth.saveAuthorization(a);
  }

  /** The application process's key and its two kinds of officer task, as bpmn/ declares them. */
  private static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(RenewalProcess.PROCESS_KEY)
        .startEvent()
        .exclusiveGateway("who")
        .condition("validation", "${!senior}")
        .userTask("confirm-organization").name("Confirm organization against the directory")
        .camundaCandidateGroups("validationOfficers").camundaDueDate("${serviceLevelDeadline}").camundaAssignee("${claimedBy}")
        .endEvent("validated")
        .moveToNode("who")
        .condition("approval", "${senior}")
        .userTask("approve-issuance").name("Approve issuance")
        .camundaCandidateGroups("seniorOfficers").camundaDueDate("${serviceLevelDeadline}").camundaAssignee("${claimedBy}")
        .endEvent("approved")
        .done();
  }

  private static void fill(ProcessEngine engine, ProcessEngineConfigurationImpl configuration, int n) throws Exception {
    long existing = engine.getTaskService().createTaskQuery().count();
    if (existing >= n) {
      System.out.printf("%,d open tasks already there%n", existing);
      return;
    }
    int batch = 500;
    int batches = (int) ((n - existing + batch - 1) / batch);
    long start = System.nanoTime();
    ExecutorService workers = Executors.newFixedThreadPool(2);
    List<Future<?>> all = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      long first = existing + (long) b * batch;
      int size = (int) Math.min(batch, n - first);
      all.add(workers.submit(() -> startBatch(engine, configuration, first, size)));
    }
    try {
      for (int i = 0; i < all.size(); i++) {
        all.get(i).get();
        if ((i + 1) % 20 == 0) {
          System.out.printf("  %,d tasks, %.0f s%n", existing + (long) (i + 1) * batch, (System.nanoTime() - start) / 1e9);
        }
      }
    } finally {
      workers.shutdownNow();
    }
    System.out.printf("created %,d tasks in %.1f s%n", n - existing, (System.nanoTime() - start) / 1e9);
    try (Connection c = connection(configuration.getJdbcUrl()); Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
  }

  /** One transaction: the nested starts join the command's context, flushed together at its end. */
  private static Void startBatch(ProcessEngine engine, ProcessEngineConfigurationImpl configuration, long first, int size) {
    configuration.getCommandExecutorTxRequired().execute((Command<Void>) context -> {
      Random random = new Random(first);
      Instant now = Instant.now();
      for (int i = 0; i < size; i++) {
        long id = first + i + 1;
        Map<String, Object> variables = new HashMap<>();
        boolean senior = random.nextInt(10) == 0;
        variables.put("senior", senior);
        variables.put(Variables.APPLICATION_ID, id);
        variables.put(Variables.COMMON_NAME, "www" + id + ".example.co.jp");
        variables.put(Variables.ORGANIZATION_NAME, "Sample " + id + " K.K.");
        variables.put(Variables.PRODUCT, random.nextInt(3) == 0 ? "EV" : "GLOBAL_SERVER_ID");
        variables.put(Variables.EXPRESS, random.nextInt(20) == 0);
        // Deadlines from three weeks overdue to a month ahead, to the minute.
        variables.put(Variables.SERVICE_LEVEL_DEADLINE,
            Date.from(now.plus(random.nextInt(50 * 24 * 60) - 20 * 24 * 60, ChronoUnit.MINUTES)));
        // About one in twenty claimed, half of those by the measured officer.
        variables.put("claimedBy", random.nextInt(20) == 0 ? (random.nextBoolean() ? OFFICER : "sato") : null);
        engine.getRuntimeService().startProcessInstanceByKey(RenewalProcess.PROCESS_KEY, String.valueOf(id), variables);
      }
      return null;
    });
    return null;
  }

  private static void measure(ProcessEngine engine, int runs, String what) throws Exception {
    boolean pagesOnly = what.equals("pages");
    boolean countsOnly = what.equals("counts");
    boolean boardOnly = what.equals("board");
    FilterService filters = engine.getFilterService();
    System.out.printf("open tasks: %,d%n", engine.getTaskService().createTaskQuery().count());
    Map<String, Supplier<Integer>> cases = new java.util.LinkedHashMap<>();
    for (String name : boardOnly ? List.<String>of() : List.of("審査チーム / Validation team", "段階 / Stage: " + firstStage(filters))) {
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      if (filter == null) {
        continue;
      }
      if (!countsOnly) {
        cases.put("Tasklist filter '" + name + "', first page of 15 only", () -> firstPage(engine, filter.getId()));
      }
      if (name.startsWith("審査チーム") && !pagesOnly) {
        cases.put("Tasklist filter '" + name + "', count alone", () -> (int) count(engine, filter.getId()));
        if (!countsOnly) {
          cases.put("Tasklist filter '" + name + "', page + count + columns", () -> tasklistPage(engine, filter.getId()));
        }
      }
    }
    CamundaBoardTasks board = new CamundaBoardTasks(engine.getTaskService(), engine.getRuntimeService(),
        engine.getRepositoryService(), engine.getHistoryService(), engine.getManagementService(), engine.getIdentityService());
    engine.getIdentityService().saveUser(officerUser(engine));
    if (engine.getIdentityService().createGroupQuery().groupId(GROUPS.get(0)).count() == 0) {
      var group = engine.getIdentityService().newGroup(GROUPS.get(0));
      engine.getIdentityService().saveGroup(group);
    }
    if (engine.getIdentityService().createUserQuery().memberOfGroup(GROUPS.get(0)).userId(OFFICER).count() == 0) {
      engine.getIdentityService().createMembership(OFFICER, GROUPS.get(0));
    }
    if (!pagesOnly) {
      cases.put("team board (/team/, page of 20 + count + facts)", () -> board.tasks(
          new BoardTasks.Query("team", null, null, false, false, null, 0, BOARD_PAGE), OFFICER, Instant.now()).entries().size());
    }
    if (runs == 0) {
      // The statements and their parameters, for EXPLAIN ANALYZE in psql (bench/README).
      ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.camunda.bpm.engine.impl.persistence.entity"))
          .setLevel(ch.qos.logback.classic.Level.DEBUG);
      cases.values().forEach(Supplier::get);
      return;
    }
    for (Map.Entry<String, Supplier<Integer>> c : cases.entrySet()) {
      // 20 warm-up calls, fewer when only a few runs are affordable (the count before: 77 s each).
      for (int i = 0; i < Math.min(20, runs / 10); i++) {
        c.getValue().get();
      }
      double[] ms = new double[runs];
      int shown = 0;
      long cpu0 = cpu();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        shown = c.getValue().get();
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      double cpuMs = (cpu() - cpu0) / 1e6 / runs;
      Arrays.sort(ms);
      System.out.printf("%s: %d rows; p50 %.1f ms, p95 %.1f ms, max %.1f ms; this JVM's thread CPU %.1f ms per page%n",
          c.getKey(), shown, ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1], cpuMs);
    }
  }

  private static org.camunda.bpm.engine.identity.User officerUser(ProcessEngine engine) {
    var existing = engine.getIdentityService().createUserQuery().userId(OFFICER).singleResult();
    if (existing != null) {
      return existing;
    }
    var user = engine.getIdentityService().newUser(OFFICER);
    user.setFirstName("Officer");
    user.setLastName("Tanaka");
    return user;
  }

  private static String firstStage(FilterService filters) {
    return filters.createFilterQuery().filterNameLike("段階 / Stage: %").list().stream()
        .map(f -> f.getName().substring("段階 / Stage: ".length())).findFirst().orElse("none");
  }

  /**
   * What Tasklist's {@code POST /engine-rest/filter/{id}/list} does for the officer: the page
   * and the count under the officer's authentication, then the filter's column variables of the
   * page's process instances.
   */
  private static int tasklistPage(ProcessEngine engine, String filterId) {
    engine.getIdentityService().setAuthentication(OFFICER, GROUPS);
    try {
      List<Task> page = engine.getFilterService().listPage(filterId, 0, TASKLIST_PAGE);
      engine.getFilterService().count(filterId);
      if (!page.isEmpty()) {
        engine.getRuntimeService().createVariableInstanceQuery()
            .processInstanceIdIn(page.stream().map(Task::getProcessInstanceId).toArray(String[]::new))
            .variableNameIn(Variables.APPLICATION_ID, Variables.COMMON_NAME, Variables.ORGANIZATION_NAME)
            .list();
      }
      return page.size();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The filter's count alone, as the officer: Tasklist shows it with the list and per filter. */
  private static long count(ProcessEngine engine, String filterId) {
    engine.getIdentityService().setAuthentication(OFFICER, GROUPS);
    try {
      return engine.getFilterService().count(filterId);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The page alone, as the officer: what the list shows first. */
  private static int firstPage(ProcessEngine engine, String filterId) {
    engine.getIdentityService().setAuthentication(OFFICER, GROUPS);
    try {
      return engine.getFilterService().listPage(filterId, 0, TASKLIST_PAGE).size();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static void createDatabase(String database) throws Exception {
    if (!database.matches("bench_[a-z0-9_]+")) {
      throw new IllegalArgumentException("a database of its own, named bench_...: " + database);
    }
    try (Connection c = connection("jdbc:postgresql://127.0.0.1:5432/postgres"); Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
        if (!r.next()) {
          s.execute("CREATE DATABASE " + database);
        }
      }
    }
  }

  private static Connection connection(String url) throws Exception {
    return DriverManager.getConnection(url, "postgres", "");
  }

  private static void quietLogging() {
    org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root instanceof ch.qos.logback.classic.Logger logback) {
      logback.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  private TaskListScale() {}
}

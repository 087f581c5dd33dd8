package org.cabackoffice.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's floor: the deployed {@code bpmn/} model and forms, on the same engine version and
 * history level as the back office, with every delegate and listener a no-op, driven in-process
 * along the README walkthrough's path (the happy path's routing flags given at start, the same
 * task variables the load driver sends, the payment as the message the payment API sends).
 * Asynchronous continuations are executed by the driving thread as soon as they are due.
 *
 * <p>What it leaves out is what the back office adds to the engine: HTTP, JSON, security, the
 * application's JPA data, the CSR check, WHOIS, signing, mail, and the job executor's polling.
 *
 * <p>Arguments: directory holding {@code bpmn/} and {@code forms/}, N, K, JSON output file.
 */
public final class EngineFloor {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DELEGATE = Pattern.compile("\\$\\{(\\w+(?:Delegate|Listener))\\}");

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "..");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Path out = Path.of(args.length > 3 ? args[3] : "target/engine-floor.json");
    ObjectNode result = run(root, n, k);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    System.out.println("JSON: " + out);
  }

  static ObjectNode run(Path root, int n, int k) throws Exception {
    Map<Object, Object> beans = new HashMap<>();
    Object noOp = noOp();
    List<Path> resources = new ArrayList<>();
    try (var models = Files.list(root.resolve("bpmn"))) {
      models.filter(p -> p.toString().endsWith(".bpmn")).forEach(resources::add);
    }
    try (var forms = Files.list(root.resolve("forms"))) {
      forms.filter(p -> p.toString().endsWith(".form")).forEach(resources::add);
    }
    for (Path model : resources) {
      Matcher m = DELEGATE.matcher(Files.readString(model));
      while (m.find()) {
        beans.put(m.group(1), noOp);
      }
    }
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:engine-floor;DB_CLOSE_DELAY=-1");
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setBeans(beans);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setJdbcMaxActiveConnections(k + 4);
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      var deployment = engine.getRepositoryService().createDeployment().name("engine-floor");
      for (Path resource : resources) {
        deployment.addString(resource.getFileName().toString(), Files.readString(resource));
      }
      deployment.deploy();

      AtomicInteger ids = new AtomicInteger();
      for (int i = Integer.getInteger("bench.warmup", 1); i > 0; i--) {
        runOne(engine, ids.incrementAndGet()); // warm-up, not timed, as many as the end-to-end leg's
      }
      AtomicInteger done = new AtomicInteger();
      ExecutorService drivers = Executors.newFixedThreadPool(k);
      long start = System.nanoTime();
      List<Future<?>> all = new ArrayList<>();
      for (int d = 0; d < k; d++) {
        all.add(
            drivers.submit(
                () -> {
                  while (done.getAndIncrement() < n) {
                    runOne(engine, ids.incrementAndGet());
                  }
                  return null;
                }));
      }
      for (Future<?> f : all) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      drivers.shutdown();
      ObjectNode result = JSON.createObjectNode();
      result.put("instances", n);
      result.put("drivers", k);
      result.put("seconds", seconds);
      result.put("instancesPerSecond", n / seconds);
      System.out.printf("engine floor: %d instances, %d drivers: %.1f s, %.2f instances/s%n", n, k, seconds, n / seconds);
      return result;
    } finally {
      engine.close();
    }
  }

  private static void runOne(ProcessEngine engine, int id) {
    String key = String.valueOf(id);
    Instant deadline = Instant.now().plus(3, ChronoUnit.DAYS);
    Map<String, Object> start = new HashMap<>();
    // The happy path's routing flags, as the real delegates set them for the walkthrough.
    start.put("csrAcceptable", true);
    start.put("caaPermitted", true);
    start.put("subjectAgrees", true);
    start.put("paymentDeferred", false);
    // The invoice issued on applying (the real delegate sets it) is unpaid: the payment stage
    // waits for the payment message, as the walkthrough's bank transfer does.
    start.put("invoicePaid", false);
    start.put("phoneVerificationReused", false);
    start.put("organizationLookup", "FOUND");
    start.put("domainOutcome", "MATCH");
    start.put("domainControl", "ESTABLISHED");
    start.put("whoisContacts", "hostmaster@sample.co.jp");
    start.put("dnsRecord", "VALIDATED");
    start.put("domainConsentApproved", true);
    start.put("product", "GLOBAL_SERVER_ID");
    start.put("serviceLevelDeadline", Date.from(deadline));
    start.put("overdueReminderCycle", "R/" + deadline + "/P1D");
    start.put("dnsRecheckInterval", "PT15M");
    for (String at :
        List.of(
            "paymentDueAt", "consentExpiresAt", "consentReminderAt", "documentsExpireAt", "documentsReminderAt",
            "registryCertificateExpiresAt", "registryCertificateReminderAt", "employmentCertificateExpiresAt",
            "employmentCertificateReminderAt")) {
      start.put(at, Date.from(deadline.plus(30, ChronoUnit.DAYS)));
    }
    String instance = engine.getRuntimeService().startProcessInstanceByKey("certificate-renewal", key, start).getId();
    boolean paid = false;
    for (int round = 0; round < 200; round++) {
      runJobs(engine, instance);
      List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).list();
      for (Task task : tasks) {
        complete(engine, task);
      }
      if (!tasks.isEmpty()) {
        continue;
      }
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count() == 0) {
        return;
      }
      if (!paid
          && engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(instance).eventName("payment-received").count() > 0) {
        engine.getRuntimeService().createMessageCorrelation("payment-received").processInstanceBusinessKey(key).correlate();
        paid = true;
        continue;
      }
      throw new IllegalStateException(
          "instance " + key + " waits at "
              + engine.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(key).list().stream()
                  .map(e -> String.valueOf(((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) e).getActivityId()))
                  .toList());
    }
    throw new IllegalStateException("instance " + key + " does not end");
  }

  private static void complete(ProcessEngine engine, Task task) {
    Map<String, Object> v = new HashMap<>();
    String user = "officer";
    switch (task.getTaskDefinitionKey()) {
      case "confirm-organization" -> {
        v.put("organizationMatch", "1");
        v.put("organizationNote", "same name and address as the directory record");
      }
      case "decide-documents" -> {
        v.put("documentsRequirement", "NOT_NEEDED");
        v.put("documentsNote", "bench");
      }
      case "verify-by-phone" -> {
        v.put("phoneOutcome", "CONFIRMED");
        v.put("spokeWith", "Ichiro Yamada, General Manager");
        v.put("productAndTypeConfirmed", true);
        v.put("organizationAndCommonNameConfirmed", true);
        v.put("technicalContactConfirmed", true);
        v.put("intentConfirmed", true);
        v.put("phoneNote", "called the main number");
      }
      case "approve-issuance" -> {
        user = "senior";
        v.put("issuanceDecision", "APPROVE");
        v.put("approvalNote", "all checks recorded");
      }
      default -> throw new IllegalStateException("the walkthrough has no task " + task.getTaskDefinitionKey());
    }
    engine.getTaskService().claim(task.getId(), user);
    engine.getTaskService().complete(task.getId(), v);
  }

  private static void runJobs(ProcessEngine engine, String instance) {
    for (int round = 0; round < 100; round++) {
      List<Job> due =
          engine.getManagementService().createJobQuery().processInstanceId(instance).executable().messages().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
  }

  /** One object that is every delegate and listener the models name, and does nothing. */
  private static Object noOp() {
    InvocationHandler nothing =
        (proxy, method, args) ->
            switch (method.getName()) {
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              case "toString" -> "no-op";
              default -> null;
            };
    return Proxy.newProxyInstance(
        EngineFloor.class.getClassLoader(),
        new Class<?>[] {JavaDelegate.class, TaskListener.class, ExecutionListener.class},
        nothing);
  }
}

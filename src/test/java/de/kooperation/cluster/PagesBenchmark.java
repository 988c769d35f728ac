package de.kooperation.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import de.kooperation.Scenario;
import de.kooperation.WebappSessions;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.collaboration.CollaborationService;
import de.kooperation.shared.PartyGroups;
import de.kooperation.identity.TaskFilters;
import de.kooperation.shared.ImplementationProcess;

/**
 * Benchmark 6: the pages people open, with {@code -Dkommunen} (default 10,100,1000) Kommunen at
 * mixed stages: 15 % never started, 10 % in the agreement, 15 % in the Bedarfsanalyse, 25 % in the
 * Umsetzung, 35 % through three years to the end of their funding (each started in the first half of 2026, a transfer manager per 25 Kommunen; built
 * by driving the engine in this JVM, as benchmark 2 does, one transaction per Kommune). Per page and size: median and 95th
 * percentile of the server time over {@code -Drequests} (default 30) requests after 5 unmeasured
 * ones, through MockMvc (the whole Spring MVC stack and the template, no network), and the SQL
 * statements per request (counted by a wrapper around the DataSource). Beside them, in the same
 * run, Tasklist's own queries (a filter's first page of 15 and its count, with authorization
 * checks) for a Kommune user and a transfer manager, and the bare engine's task query by
 * candidate group without authorization checks. On the process tests' in-memory H2; with
 * {@code -Dkooperation.test.database=postgres} on a fresh PostgreSQL schema.
 * {@code mvn -Pbenchmark test -Dtest=PagesBenchmark}.
 */
@SpringBootTest(properties = "kooperation.overview.page-size=50")
@ActiveProfiles("test")
@Import({ Scenario.class, PagesBenchmark.CountedStatements.class })
@Tag(Benchmarks.TAG)
class PagesBenchmark {

	static final List<Integer> SIZES = Arrays.stream(System.getProperty("kommunen", "10,100,1000").split(","))
		.map(String::trim)
		.map(Integer::valueOf)
		.toList();

	static final int REQUESTS = Integer.getInteger("requests", 30);

	static final int KOMMUNEN_PER_TRANSFER_MANAGER = 25;

	private static final String[] STATES = { "TH", "NI", "RP", "BY", "NW", "SN" };

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	/** When the pages are opened: after the end of funding of the collaborations walked to their end. */
	private static final Instant NOW = LocalDateTime.of(2029, 2, 2, 10, 0).atZone(ZONE).toInstant();

	/** SQL statements executed through the application's DataSource so far. */
	static final AtomicLong STATEMENTS = new AtomicLong();

	@Autowired
	ProcessEngine engine;

	@Autowired
	TaskFilters filters;

	@Autowired
	Scenario scenario;

	@Autowired
	CollaborationService collaborations;

	@Autowired
	WebApplicationContext context;

	@Autowired
	ApplicationContext applicationContext;

	@Autowired
	Environment environment;

	@Autowired
	PlatformTransactionManager transactionManager;

	TransactionTemplate transactions;

	MockMvc mvc;

	/** The application's DataSource, every statement counted in {@link #STATEMENTS}. */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountedStatements {

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return bean instanceof DataSource dataSource ? counted(DataSource.class, dataSource) : bean;
				}

			};
		}

		/** A proxy that hands out counted connections and statements and counts each execution. */
		static <T> T counted(Class<T> type, T target) {
			return type.cast(Proxy.newProxyInstance(PagesBenchmark.class.getClassLoader(), new Class<?>[] { type },
					(proxy, method, args) -> {
						if (target instanceof Statement && method.getName().startsWith("execute")) {
							STATEMENTS.incrementAndGet();
						}
						Object result;
						try {
							result = method.invoke(target, args);
						}
						catch (InvocationTargetException e) {
							throw e.getCause();
						}
						Class<?> returned = method.getReturnType();
						if (returned == Connection.class) {
							return counted(Connection.class, (Connection) result);
						}
						if (returned == CallableStatement.class) {
							return counted(CallableStatement.class, (CallableStatement) result);
						}
						if (returned == PreparedStatement.class) {
							return counted(PreparedStatement.class, (PreparedStatement) result);
						}
						if (returned == Statement.class) {
							return counted(Statement.class, (Statement) result);
						}
						return result;
					}));
		}

	}

	record Figures(String what, int kommunen, double median, double p95, double statements) {

		String line() {
			return String.format(Locale.ROOT, "%-58s %6d Kommunen: median %7.1f ms, p95 %7.1f ms, %6.1f SQL statements", what,
					kommunen, median, p95, statements);
		}

	}

	@AfterEach
	void resetClock() {
		scenario.resetClock();
	}

	@Test
	void thePagesPeopleOpenWith10_100And1000Kommunen() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).build();
		transactions = new TransactionTemplate(transactionManager);
		List<String> ids = new ArrayList<>();
		List<Figures> all = new ArrayList<>();
		for (int size : SIZES) {
			long building = System.nanoTime();
			while (ids.size() < size) {
				ids.add(kommuneInOneTransaction(ids.size()));
			}
			double builtSeconds = (System.nanoTime() - building) / 1e9;
			statistics();
			scenario.moveClockTo(NOW);
			List<Figures> figures = measure(ids);
			String database = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2";
			Benchmarks.report("pages", String.format(Locale.ROOT, "%s, %d Kommunen (%d more built in %.0f s), %d requests per page",
					database, size, size - (all.isEmpty() ? 0 : all.get(all.size() - 1).kommunen()), builtSeconds, REQUESTS));
			for (Figures figure : figures) {
				Benchmarks.report("pages", figure.line());
			}
			all.addAll(figures);
		}
		Map<String, List<Figures>> byPage = new LinkedHashMap<>();
		all.forEach(figure -> byPage.computeIfAbsent(figure.what(), what -> new ArrayList<>()).add(figure));
		byPage.forEach((what, figures) -> Benchmarks.report("pages", String.format(Locale.ROOT, "%s: %s", what,
				String.join(" | ", figures.stream()
					.map(f -> String.format(Locale.ROOT, "%d: %.1f / %.1f ms, %.0f SQL", f.kommunen(), f.median(), f.p95(), f.statements()))
					.toList()))));
	}

	/** The stages of every 20 Kommunen, in the order they are built: (E)nded, (I)mplementation, (A)nalysis, (N)ever started, a(G)reement. */
	private static final String STAGES = "EIANGEIAEINEGIAEINEE";

	/**
	 * The i-th Kommune, built in one transaction: the engine's commands (each task completed, each
	 * timer run) join it, as commands do inside any Spring transaction, so a Kommune with three
	 * years of history costs one commit instead of one per step. The data is the same.
	 */
	private String kommuneInOneTransaction(int i) {
		return transactions.execute(status -> kommune(i));
	}

	/** The i-th Kommune, at the stage its number gives, its collaboration started in the first half of 2026. */
	private String kommune(int i) {
		scenario.moveClockTo(LocalDateTime.of(2026, 1, 5, 9, 0).atZone(ZONE).toInstant().plusSeconds(7L * 24 * 3600 * (i % 26)));
		String id = scenario.newMunicipality(STATES[i % STATES.length]).id();
		char stage = STAGES.charAt(i % STAGES.length());
		if (stage == 'N') {
			return id;
		}
		ProcessInstance collaboration = collaborations.start(id, "2028-12-31", transferManager(i));
		String until = switch (stage) {
			case 'G' -> AgreementProcess.Elements.REVIEW;
			case 'A' -> BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW;
			case 'I' -> ImplementationProcess.Elements.RECORD_REVIEW_MEETING;
			default -> null;
		};
		scenario.advance(collaboration, until, decisions());
		return id;
	}

	/**
	 * On PostgreSQL, the planner's statistics of the freshly built tables, as autovacuum keeps them in
	 * a database that has been running: without them, PostgreSQL plans the pages' queries for empty
	 * tables (at 1,000 Kommunen the overview took seconds until ANALYZE). Not counted as requests.
	 */
	private void statistics() {
		if (environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql")) {
			applicationContext.getBean(org.springframework.jdbc.core.JdbcTemplate.class).execute("analyze");
		}
	}

	/** "tm.00" for the first 25 Kommunen, "tm.01" for the next 25, …; a user of the agency's team with their own filter. */
	private String transferManager(int i) {
		String id = String.format(Locale.ROOT, "tm.%02d", i / KOMMUNEN_PER_TRANSFER_MANAGER);
		if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
			User user = engine.getIdentityService().newUser(id);
			user.setFirstName("Transfer");
			user.setLastName("Manager " + id);
			engine.getIdentityService().saveUser(user);
			engine.getIdentityService().createMembership(id, PartyGroups.AGENCY_TEAM);
			// what runs at startup for every member of the team: their filter "Meine Kommunen"
			try {
				applicationContext.getBean("transferManagerFilters", ApplicationRunner.class).run(null);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
		return id;
	}

	private static Map<String, Object> decisions() {
		return new HashMap<>(Map.of("continueCollaboration", true, "transferPlanWanted", true, "recommendationsAcknowledged", true));
	}

	private List<Figures> measure(List<String> ids) throws Exception {
		int size = ids.size();
		MockHttpSession transferManager = WebappSessions.of("tm.00", PartyGroups.AGENCY_TEAM);
		String ended = ids.get(0);
		String inImplementation = ids.get(1);
		String kommuneUser = "user." + inImplementation;
		List<Figures> figures = new ArrayList<>();
		figures.add(page(size, "overview, a transfer manager's (own first)", transferManager, "/kooperationen"));
		figures.add(page(size, "overview, by overdue items, page 2", transferManager, "/kooperationen?sortierung=ueberfaellig&seite=2"));
		figures.add(page(size, "overview, filter matching nothing", transferManager, "/kooperationen?phase=Abschluss"));
		figures.add(page(size, "overview, filter: phase Umsetzung, one transfer manager", transferManager,
				"/kooperationen?phase=Umsetzung&mitarbeiter=tm.00&sortierung=aktivitaet"));
		figures.add(page(size, "a collaboration page (Umsetzung)", transferManager, "/kooperationen/" + inImplementation));
		figures.add(page(size, "a collaboration page (ended)", transferManager, "/kooperationen/" + ended));
		figures.add(page(size, "steering report", transferManager, "/kooperationen/steuerung"));
		figures.add(page(size, "outbox (Postausgang)", transferManager, "/postausgang"));
		figures.add(page(size, "export: funder report CSV", transferManager, "/kooperationen/bericht.csv"));
		figures.add(page(size, "export: funder report JSON", transferManager, "/kooperationen/bericht.json"));
		figures.add(page(size, "export: steering CSV", transferManager, "/kooperationen/steuerung.csv"));
		figures.add(page(size, "PDF: agreement version 1", transferManager, "/kooperationen/" + ended + "/zielvereinbarung.pdf?fassung=1"));

		String groupTasks = filters.idOf(TaskFilters.GROUP_TASKS);
		String openWork = filters.idOf(TaskFilters.OPEN_WORK);
		String myKommunen = filters.idOf(TaskFilters.MY_MUNICIPALITIES, "tm.00");
		figures.add(tasklist(size, "Tasklist: Kommune user, \"" + TaskFilters.GROUP_TASKS + "\"", kommuneUser,
				List.of(PartyGroups.municipalityContacts(inImplementation)), groupTasks));
		figures.add(tasklist(size, "Tasklist: transfer manager, \"" + TaskFilters.OPEN_WORK + "\"", "tm.00",
				List.of(PartyGroups.AGENCY_TEAM), openWork));
		figures.add(tasklist(size, "Tasklist: transfer manager, \"" + TaskFilters.MY_MUNICIPALITIES + "\"", "tm.00",
				List.of(PartyGroups.AGENCY_TEAM), myKommunen));
		figures.add(timed(size, "bare engine: task query by candidate group, no auth.", () -> {
			engine.getTaskService().createTaskQuery().taskCandidateGroup(PartyGroups.AGENCY_TEAM).orderByDueDate().asc().listPage(0, 15);
			return engine.getTaskService().createTaskQuery().taskCandidateGroup(PartyGroups.AGENCY_TEAM).count();
		}));
		return figures;
	}

	private Figures page(int size, String what, MockHttpSession session, String path) throws Exception {
		return timed(size, what, () -> {
			try {
				MockHttpServletResponse response = mvc.perform(get(path).session(session)).andReturn().getResponse();
				assertThat(response.getStatus()).as(path).isEqualTo(200);
				return response.getContentAsByteArray().length;
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
	}

	private Figures tasklist(int size, String what, String userId, List<String> groups, String filterId) {
		assertThat(filterId).as(what).isNotNull();
		engine.getIdentityService().setAuthentication(userId, groups);
		try {
			return timed(size, what, () -> {
				engine.getFilterService().listPage(filterId, 0, 15);
				return engine.getFilterService().count(filterId);
			});
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	/** Median and 95th percentile (ms) and statements per call, after 5 calls not counted. */
	private static Figures timed(int size, String what, Supplier<Object> call) {
		List<Double> millis = new ArrayList<>();
		long statements = 0;
		for (int i = 0; i < REQUESTS + 5; i++) {
			long before = STATEMENTS.get();
			long started = System.nanoTime();
			call.get();
			double took = (System.nanoTime() - started) / 1e6;
			if (i >= 5) {
				millis.add(took);
				statements += STATEMENTS.get() - before;
			}
		}
		Collections.sort(millis);
		return new Figures(what, size, millis.get((millis.size() - 1) / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
				(double) statements / REQUESTS);
	}

}

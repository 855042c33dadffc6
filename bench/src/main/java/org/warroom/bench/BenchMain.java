package org.warroom.bench;

import java.util.Arrays;

/**
 * {@code bin/warroom bench NAME [--option value ...]}: runs one benchmark against the running local stack, prints
 * one summary line and appends its figures to docs/BENCHMARKS.md. Names: pipeline, freshness, index, fanout,
 * registry, campaign, drilldown, footprint, recovery.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: bin/warroom bench pipeline|freshness|index|fanout|registry|campaign|drilldown|footprint|recovery [--option value ...]");
            System.exit(2);
        }
        Options options = new Options(args, 1);
        System.out.println("bench " + args[0] + " " + String.join(" ", Arrays.copyOfRange(args, 1, args.length)));
        try (Rig rig = new Rig(System.getenv())) {
            switch (args[0]) {
                case "pipeline" -> PipelineBench.run(rig, options);
                case "freshness" -> FreshnessBench.run(rig, options);
                case "footprint" -> FootprintBench.run(rig, options);
                case "recovery" -> RecoveryBench.run(rig, options);
                case "index" -> IndexBench.run(rig, options);
                case "fanout" -> FanoutBench.run(rig, options);
                case "registry" -> RegistryBench.run(rig, options);
                case "campaign" -> CampaignBench.run(rig, options);
                case "drilldown" -> DrilldownBench.run(rig, options);
                default -> {
                    System.err.println("unknown benchmark '" + args[0] + "'");
                    System.exit(2);
                }
            }
        }
        System.exit(0);
    }
}

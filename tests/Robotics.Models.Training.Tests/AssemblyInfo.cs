// libtorch's random generator is process-global: trainings in parallel test classes would interleave their
// draws. ModelTrainer serialises training, and the tests run one at a time so timings stay meaningful too.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

# bench/workloads.sh: the benchmark workloads, shared by bench/run.sh (go vet
# with the tool against plain go vet) and bench/standalone.sh (the standalone
# command, per package and in program mode, against plain go vet).
# Sourced, not run: needs WORKDIR and log; sets WDIR[WL] (the directory to
# run in) and WPKGS[WL] (the package patterns) for each setup_* called.

# Versions of W1, as in testdata/src/go.mod.
OTEL_SDK=v1.47.0
GRPC=v1.83.2
CONTRIB=v0.72.0
XTOOLS=v0.52.0

K8S=v0.37.2

declare -A WDIR WPKGS

setup_w1() {
	local d=$WORKDIR/W1/mod
	mkdir -p "$d"
	log "W1: scratch module in $d"
	(
		cd "$d"
		go mod init bench.example/w1 >/dev/null 2>&1
		# -t with the package patterns records the test dependencies go vet needs
		# (it vets test files too) ...
		go get -t "go.opentelemetry.io/otel/sdk/...@$OTEL_SDK" "google.golang.org/grpc/...@$GRPC" \
			"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp/...@$CONTRIB" \
			"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc/...@$CONTRIB" 2>/dev/null
		# ... but the grpc/... pattern also drags in grpc's nested modules
		# (examples, gcp/observability, security/advancedtls, ...): drop them,
		# then pin the four modules again (dropping them moves versions).
		local nested
		nested=$(go list -m -f '{{.Path}}' all | grep '^google\.golang\.org/grpc/' || true)
		if [[ -n $nested ]]; then
			# shellcheck disable=SC2086
			go get $(sed 's/$/@none/' <<<"$nested") 2>/dev/null
		fi
		go get "go.opentelemetry.io/otel/sdk@$OTEL_SDK" "google.golang.org/grpc@$GRPC" \
			"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp@$CONTRIB" \
			"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc@$CONTRIB" 2>/dev/null
		local got want
		got=$(go list -m -f '{{.Path}}@{{.Version}}' go.opentelemetry.io/otel/sdk google.golang.org/grpc \
			go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp \
			go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc | tr '\n' ' ')
		want="go.opentelemetry.io/otel/sdk@$OTEL_SDK google.golang.org/grpc@$GRPC go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp@$CONTRIB go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc@$CONTRIB "
		if [[ $got != "$want" ]]; then
			echo "W1: module versions are $got, want $want" >&2
			exit 1
		fi
		if go list -m -f '{{.Path}}' all | grep -q '^google\.golang\.org/grpc/'; then
			echo "W1: a nested grpc module is still in the build list" >&2
			exit 1
		fi
	)
	WDIR[W1]=$d
	WPKGS[W1]="go.opentelemetry.io/otel/sdk/... google.golang.org/grpc/... go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp/... go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc/..."
}

setup_w2() {
	local d=$WORKDIR/W2/tools src
	log "W2: golang.org/x/tools@$XTOOLS in $d"
	src=$(cd "$WORKDIR" && go mod download -json "golang.org/x/tools@$XTOOLS" |
		sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
	[[ -d $src ]] || { echo "W2: go mod download gave no Dir" >&2; exit 1; }
	mkdir -p "$d"
	cp -r "$src/." "$d"
	chmod -R u+w "$d"
	(cd "$d" && go mod download)
	WDIR[W2]=$d
	WPKGS[W2]="./..."
}


# K8S: k8s.io/client-go, as issue 10 measured standalone memory on it.
setup_k8s() {
	local d=$WORKDIR/K8S/mod
	mkdir -p "$d"
	log "K8S: scratch module requiring k8s.io/client-go@$K8S in $d"
	(
		cd "$d"
		go mod init bench.example/k8s >/dev/null 2>&1
		go get -t "k8s.io/client-go/...@$K8S" 2>/dev/null
		local got
		got=$(go list -m -f '{{.Version}}' k8s.io/client-go)
		if [[ $got != "$K8S" ]]; then
			echo "K8S: k8s.io/client-go is $got, want $K8S" >&2
			exit 1
		fi
	)
	WDIR[K8S]=$d
	WPKGS[K8S]="k8s.io/client-go/..."
}

# setup WL: the workload's setup function.
setup() {
	case $1 in
	W1) setup_w1 ;;
	W2) setup_w2 ;;
	K8S) setup_k8s ;;
	*) echo "unknown workload $1" >&2; exit 2 ;;
	esac
}

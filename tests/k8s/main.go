// Command k8s checks the manifests of deploy/k8s offline against the
// Kubernetes API types (k8s.io/api): every document is decoded strictly into
// the Go type of its apiVersion and kind, so an unknown or misspelt field, a
// value of the wrong type, or a kind/version the API does not have is an
// error. Then what a schema cannot see: the objects must fit together (the
// Deployment's selector matches its pods, the Service, PDB and HPA point at
// them, probes name a declared port) and agree with the image (uid 65532,
// read-only root, grace period longer than drain delay plus shutdown
// timeout).
//
//	go run ./tests/k8s deploy/k8s    (from tests/k8s: go run . ../../deploy/k8s)
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"sigs.k8s.io/yaml"
)

// kustomization is the part of kustomize's Kustomization this directory
// uses; decoding it strictly refuses any other field.
type kustomization struct {
	APIVersion string   `json:"apiVersion"`
	Kind       string   `json:"kind"`
	Resources  []string `json:"resources"`
	Labels     []struct {
		Pairs            map[string]string `json:"pairs"`
		IncludeSelectors bool              `json:"includeSelectors"`
	} `json:"labels"`
}

type manifests struct {
	deployment *appsv1.Deployment
	service    *corev1.Service
	secret     *corev1.Secret
	hpa        *autoscalingv2.HorizontalPodAutoscaler
	pdb        *policyv1.PodDisruptionBudget
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: k8s DIR")
		os.Exit(64)
	}
	n, err := check(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "deploy/k8s:", err)
		os.Exit(1)
	}
	fmt.Printf("deploy/k8s: %d objects valid against k8s.io/api types (strict) and consistent\n", n)
}

func check(dir string) (int, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "kustomization.yaml"))
	if err != nil {
		return 0, err
	}
	var k kustomization
	if err := yaml.UnmarshalStrict(raw, &k); err != nil {
		return 0, fmt.Errorf("kustomization.yaml: %w", err)
	}
	if k.APIVersion != "kustomize.config.k8s.io/v1beta1" || k.Kind != "Kustomization" {
		return 0, fmt.Errorf("kustomization.yaml: %s %s is not a kustomize Kustomization", k.APIVersion, k.Kind)
	}
	var m manifests
	n := 0
	for _, res := range k.Resources {
		raw, err := os.ReadFile(filepath.Join(dir, res))
		if err != nil {
			return 0, err
		}
		for i, doc := range bytes.Split(raw, []byte("\n---")) {
			if len(bytes.TrimSpace(doc)) == 0 {
				continue
			}
			if err := decode(doc, &m); err != nil {
				return 0, fmt.Errorf("%s (document %d): %w", res, i+1, err)
			}
			n++
		}
	}
	return n, m.consistent()
}

// decode reads one document into the type of its apiVersion and kind.
func decode(doc []byte, m *manifests) error {
	var head struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
	}
	if err := yaml.Unmarshal(doc, &head); err != nil {
		return err
	}
	var target any
	switch head.APIVersion + " " + head.Kind {
	case "apps/v1 Deployment":
		target = into(&m.deployment)
	case "v1 Service":
		target = into(&m.service)
	case "v1 Secret":
		target = into(&m.secret)
	case "autoscaling/v2 HorizontalPodAutoscaler":
		target = into(&m.hpa)
	case "policy/v1 PodDisruptionBudget":
		target = into(&m.pdb)
	default:
		return fmt.Errorf("unexpected object %q %q", head.APIVersion, head.Kind)
	}
	return yaml.UnmarshalStrict(doc, target)
}

// into gives slot a new object and returns it to be decoded into.
func into[T any](slot **T) any {
	*slot = new(T)
	return *slot
}

func (m *manifests) consistent() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	d, s, h, p := m.deployment, m.service, m.hpa, m.pdb
	if d == nil || s == nil || h == nil || p == nil || m.secret == nil {
		return errors.New("want a Deployment, a Service, a Secret, a HorizontalPodAutoscaler and a PodDisruptionBudget")
	}
	pod := d.Spec.Template
	if d.Spec.Selector == nil || !matches(d.Spec.Selector.MatchLabels, pod.Labels) {
		bad("Deployment: the selector does not match the pod template's labels")
	}
	if !matches(s.Spec.Selector, pod.Labels) {
		bad("Service: the selector does not match the Deployment's pods")
	}
	if p.Spec.Selector == nil || !matches(p.Spec.Selector.MatchLabels, pod.Labels) {
		bad("PodDisruptionBudget: the selector does not match the Deployment's pods")
	}
	ref := h.Spec.ScaleTargetRef
	if ref.APIVersion != "apps/v1" || ref.Kind != "Deployment" || ref.Name != d.Name {
		bad("HorizontalPodAutoscaler: scaleTargetRef is not the Deployment %q", d.Name)
	}
	if len(pod.Spec.Containers) != 1 {
		return errors.Join(append(errs, errors.New("Deployment: want one container"))...)
	}
	c := pod.Spec.Containers[0]
	if c.Name == "" || c.Image == "" {
		bad("Deployment: the container needs a name and an image")
	}
	ports := map[string]bool{}
	for _, port := range c.Ports {
		ports[port.Name] = true
		if port.ContainerPort != 8080 {
			bad("Deployment: container port %d, the image listens on 8080", port.ContainerPort)
		}
	}
	for name, probe := range map[string]*corev1.Probe{"readiness": c.ReadinessProbe, "liveness": c.LivenessProbe, "startup": c.StartupProbe} {
		if probe == nil || probe.HTTPGet == nil {
			bad("Deployment: no HTTP %s probe", name)
			continue
		}
		if !ports[probe.HTTPGet.Port.StrVal] {
			bad("Deployment: the %s probe's port %q is not a container port", name, probe.HTTPGet.Port.String())
		}
		if probe.HTTPGet.Path != "/healthz" && probe.HTTPGet.Path != "/readyz" {
			bad("Deployment: the %s probe asks %s, the server answers /healthz and /readyz", name, probe.HTTPGet.Path)
		}
	}
	for _, port := range s.Spec.Ports {
		if !ports[port.TargetPort.StrVal] {
			bad("Service: targetPort %q is not a container port", port.TargetPort.String())
		}
	}
	// The image runs as 65532 with nothing to write: the pod must not ask
	// for root or a writable root filesystem.
	psc, csc := pod.Spec.SecurityContext, c.SecurityContext
	if psc == nil || psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot || psc.RunAsUser == nil || *psc.RunAsUser != 65532 {
		bad("Deployment: the pod must run as non-root uid 65532 (the image's user)")
	}
	if csc == nil || csc.ReadOnlyRootFilesystem == nil || !*csc.ReadOnlyRootFilesystem ||
		csc.AllowPrivilegeEscalation == nil || *csc.AllowPrivilegeEscalation ||
		csc.Capabilities == nil || len(csc.Capabilities.Drop) != 1 || csc.Capabilities.Drop[0] != "ALL" {
		bad("Deployment: the container must have a read-only root, no privilege escalation and drop ALL capabilities")
	}
	// SIGTERM, then drain delay, then up to the 30 s shutdown timeout: the
	// kubelet must not kill the pod before that.
	drain := 0
	for _, a := range c.Args {
		if v, ok := strings.CutPrefix(a, "--drain-delay-ms="); ok {
			_, _ = fmt.Sscan(v, &drain)
		}
	}
	grace := int64(30)
	if pod.Spec.TerminationGracePeriodSeconds != nil {
		grace = *pod.Spec.TerminationGracePeriodSeconds
	}
	if grace*1000 <= int64(drain)+30000 {
		bad("Deployment: terminationGracePeriodSeconds %d is not longer than the drain delay (%d ms) plus the 30 s shutdown timeout", grace, drain)
	}
	for _, k := range []string{"APP_ID", "APP_CERTIFICATE"} {
		if _, ok := m.secret.StringData[k]; !ok {
			bad("Secret: no %s", k)
		}
	}
	return errors.Join(errs...)
}

// matches: every label of the selector is on the object.
func matches(selector, labels map[string]string) bool {
	if len(selector) == 0 {
		return false
	}
	for k, v := range selector {
		if labels[k] != v {
			return false
		}
	}
	return true
}

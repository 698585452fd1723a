{{/* Names are prefixed with the release, so two releases can share a namespace. */}}
{{- define "visaport.name" -}}
{{- printf "%s-%s" .root.Release.Name .part | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "visaport.labels" -}}
app.kubernetes.io/name: {{ .part }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: visaport
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "visaport.selector" -}}
app.kubernetes.io/name: {{ .part }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "visaport.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .part (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{- define "visaport.kafkaBootstrap" -}}
{{- if .Values.kafka.enabled -}}
{{- printf "%s-kafka-bootstrap:%v" .Values.kafka.name .Values.kafka.listenerPort -}}
{{- else -}}
{{- required "kafka.bootstrapServers is needed when kafka.enabled is false" .Values.kafka.bootstrapServers -}}
{{- end -}}
{{- end -}}

{{- define "visaport.issuerUri" -}}
{{- if .Values.keycloak.enabled -}}
{{- printf "%s/realms/visaport" (trimSuffix "/" .Values.keycloak.hostname) -}}
{{- else -}}
{{- required "keycloak.issuerUri is needed when keycloak.enabled is false" .Values.keycloak.issuerUri -}}
{{- end -}}
{{- end -}}

{{/* The KafkaUser (and so the Secret with its certificate, and the principal CN) of a service. */}}
{{- define "visaport.kafkaUser" -}}
{{- include "visaport.name" . -}}
{{- end -}}

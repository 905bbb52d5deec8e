{{- define "taproot.name" -}}{{ .Release.Name }}-taproot{{- end -}}
{{- define "taproot.labels" -}}
app.kubernetes.io/name: taproot
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}
{{- define "taproot.selector" -}}
app.kubernetes.io/name: taproot
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
{{- define "taproot.tokensSecret" -}}{{ default (printf "%s-tokens" (include "taproot.name" .)) .Values.secrets.existingTokensSecret }}{{- end -}}
{{- define "taproot.slackSecret" -}}{{ default (printf "%s-slack" (include "taproot.name" .)) .Values.secrets.existingSlackSecret }}{{- end -}}

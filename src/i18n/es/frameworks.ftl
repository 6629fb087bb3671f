# `ladrillo report --framework`: las frases de los informes por marco (src/report/compliance/words.rs).
framework-inputs = entradas: { $files ->
        [one] { $files } archivo
       *[other] { $files } archivos
    }, { $objects ->
        [one] { $objects } objeto
       *[other] { $objects } objetos
    }, { $clusters ->
        [one] { $clusters } clúster
       *[other] { $clusters } clústeres
    }
framework-input-cluster = definiciones de clúster
framework-input-workloads = cargas de trabajo
framework-input-rbac = objetos de RBAC
framework-input-namespaced = objetos con espacio de nombres
framework-input-storage-classes = objetos StorageClass
framework-input-services = Services/Ingress
framework-input-objects = objetos de Kubernetes
# Une tipos de entrada tras una negación: «no hay X ni Y».
framework-or = ni
framework-checked-on = comprobado sobre { $inputs }
framework-no-rule = ninguna regla puede comprobar este control a partir de las definiciones
framework-not-run = sin evaluar: no se ejecutaron reglas de este control ({ $rules }); compruébelo a mano o deje de ignorarlas
framework-not-applicable = sin entrada relevante: la entrada no tiene { $inputs }
framework-not-applicable-outposts = el plano de control se ejecuta en AWS Outposts, donde EKS o eksctl no admiten lo que pide este control
framework-pss-check = comprobación { $check } de Pod Security
framework-check-by-hand = comprobar a mano
framework-waived = { $count ->
        [one] 1 hallazgo eximido
       *[other] { $count } hallazgos eximidos
    }
framework-status-pass = { report-status-pass }
framework-status-fail = { report-status-fail }
framework-status-not-applicable = { report-status-not-applicable }
framework-status-manual = { report-status-manual }
framework-percent = { $percent } %
framework-score-line = { $pass ->
        [one] cumple 1
       *[other] cumplen { $pass }
    } de { $decided ->
        [one] 1 control decidido
       *[other] { $decided } controles decididos
    } ({ $share }); { $fail ->
        [one] 1 no cumple
       *[other] { $fail } no cumplen
    }, { $na ->
        [one] 1 no aplica
       *[other] { $na } no aplican
    }, { $manual } de revisión manual; { $controls } controles en total
framework-nothing-decided = nada en la entrada permite decidir un control de { $framework }: todos los controles son no aplicables o de revisión manual (¿es correcta la ruta?)

# Qué comprobar a mano y los títulos de los controles de NSA/CISA y de Pod Security: cada id
# tiene en src/i18n/en/frameworks.ftl el texto inglés exacto de su tabla.
control-manual-node = La configuración de los nodos no está en las definiciones del clúster: compruebe el kubelet en un nodo (`kube-bench run --targets node`) o la kubeletExtraConfig/NodeConfig que despliega.
control-manual-cis-2-1-2 = Compruebe que el grupo de registros del plano de control tiene un periodo de retención y que los registros se revisan o se exportan (CloudWatch Logs Insights, SIEM).
control-manual-cis-4-1-9 = Liste quién puede crear PersistentVolumes (`ladrillo rbac who-can create persistentvolumes RUTA`) y limítelo a los administradores de almacenamiento.
control-manual-cis-4-3-1 = Compruebe que el complemento vpc-cni fija `enableNetworkPolicy: "true"` en sus valores de configuración, o que Calico o Cilium aplican las NetworkPolicies.
control-manual-cis-4-4-1 = Busque `env[].valueFrom.secretKeyRef` y `envFrom[].secretRef` en las plantillas de pod y monte esos Secrets como archivos.
control-manual-cis-4-5-1 = Compruebe que cada equipo y cada aplicación tienen su propio espacio de nombres, con RBAC, cuotas y NetworkPolicies limitados a él.
control-manual-cis-5-1-1 = Compruebe que los repositorios de ECR analizan las imágenes al subirlas (o que el análisis mejorado está activado) y que la CI analiza las imágenes antes de desplegarlas.
control-manual-cis-5-1-2 = Revise las políticas de IAM que conceden `ecr:*` a personas; reserve los permisos de subida a los roles de la CI.
control-manual-cis-5-1-3 = Compruebe que el rol de los nodos tiene `AmazonEC2ContainerRegistryReadOnly` o `…PullOnly` y nada más amplio.
control-manual-cis-5-1-4 = Compruebe que una política de admisión (Kyverno, Gatekeeper, ValidatingAdmissionPolicy) solo admite registros de contenedores aprobados.
control-manual-cis-5-4-4 = Compruebe que el CNI aplica las NetworkPolicies (`enableNetworkPolicy` de vpc-cni, Calico, Cilium) y que cada espacio de nombres tiene políticas de denegación por defecto.
control-manual-cis-5-4-5 = Compruebe que los Services de tipo LoadBalancer y los Ingress terminan TLS con un certificado de ACM (`service.beta.kubernetes.io/aws-load-balancer-ssl-cert`, `alb.ingress.kubernetes.io/certificate-arn`).
control-manual-cis-5-5-1 = Compruebe que los kubeconfig se autentican con `aws eks get-token` (AWS CLI 1.16.156 o posterior).
control-title-nsa-non-root-containers = Usar contenedores preparados para ejecutar las aplicaciones con usuarios sin privilegios de root
control-title-nsa-immutable-filesystem = Ejecutar los contenedores con sistemas de archivos raíz inmutables (de solo lectura)
control-title-nsa-image-scanning = Analizar las imágenes de contenedor en busca de vulnerabilidades y errores de configuración
control-manual-nsa-image-scanning = Compruebe que la CI y el registro analizan las imágenes (Trivy, análisis de ECR) y que una política de admisión bloquea las imágenes que no lo superan.
control-title-nsa-pod-security = Aplicar la seguridad de los pods: sin contenedores privilegiados, espacios de nombres del host ni escalada de privilegios
control-title-nsa-service-account-tokens = Proteger los tokens de cuenta de servicio de los pods
control-title-nsa-hardened-runtime = Endurecer los entornos de contenedores (runtimes aislados, aislamiento por hipervisor)
control-manual-nsa-hardened-runtime = Compruebe si las cargas de trabajo no fiables se ejecutan en nodos aislados o en runtimes aislados (Fargate, gVisor, Kata Containers).
control-title-nsa-namespaces = Separar los recursos con espacios de nombres
control-title-nsa-network-policies = Restringir el tráfico con políticas de red, denegando por defecto
control-title-nsa-resource-policies = Limitar los recursos con requests, limits y cuotas
control-title-nsa-control-plane = Endurecer el plano de control: punto de enlace privado y acceso restringido
control-title-nsa-worker-node-segmentation = Mantener los nodos de trabajo en redes privadas, inalcanzables desde internet
control-title-nsa-encryption = Cifrar los datos en reposo y en tránsito
control-title-nsa-secrets = Cifrar los Secrets y mantener las credenciales fuera de los manifiestos
control-title-nsa-cloud-metadata = Proteger la infraestructura sensible de la nube: el servicio de metadatos de instancia
control-title-nsa-authentication = Autenticar a todos los usuarios; sin acceso anónimo
control-title-nsa-rbac = Control de acceso basado en roles con mínimo privilegio
control-title-nsa-audit-logging = Activar y conservar los registros de auditoría
control-title-nsa-threat-detection = Detectar amenazas en tiempo de ejecución a partir de registros y monitorización
control-title-nsa-upgrades = Aplicar actualizaciones y parches sin demora
control-title-pss-windows-host-process = HostProcess: se prohíben los pods HostProcess de Windows
control-title-pss-host-namespaces = Espacios de nombres del host: se prohíbe compartir los espacios de nombres de red, PID o IPC del host
control-title-pss-privileged = Contenedores privilegiados: los pods privilegiados desactivan la mayoría de los mecanismos de seguridad
control-title-pss-capabilities-baseline = Capacidades: se prohíbe añadir capacidades más allá del conjunto por defecto
control-title-pss-host-path-volumes = Volúmenes HostPath: se prohíben los volúmenes hostPath
control-title-pss-host-ports = Puertos del host: se prohíben los puertos del host o se limitan a una lista conocida
control-title-pss-host-probes-and-host-lifecycle = Sondas y hooks de ciclo de vida: se prohíbe el campo host de sondas y hooks
control-title-pss-app-armor-profile = AppArmor: se prohíbe sustituir el perfil por defecto
control-title-pss-se-linux-options = SELinux: se prohíben los usuarios, roles y tipos de SELinux personalizados
control-title-pss-proc-mount = Tipo de montaje de /proc: se exigen las máscaras de /proc por defecto
control-title-pss-seccomp-profile-baseline = Seccomp: se prohíbe el perfil Unconfined
control-title-pss-sysctls = Sysctls: solo se permite un subconjunto seguro de sysctls
control-title-pss-restricted-volumes = Tipos de volumen: solo se permiten tipos de volumen conocidos y seguros
control-title-pss-allow-privilege-escalation = Escalada de privilegios: allowPrivilegeEscalation debe ser false
control-title-pss-run-as-non-root = Ejecución sin root: los contenedores deben ejecutarse con usuarios distintos de root
control-title-pss-run-as-user = Ejecución con usuario distinto de root: runAsUser no puede ser 0
control-title-pss-seccomp-profile-restricted = Seccomp: se exige un perfil RuntimeDefault o Localhost
control-title-pss-capabilities-restricted = Capacidades: descartar ALL y volver a añadir solo NET_BIND_SERVICE
control-title-pss-proc-mount-restricted = Tipo de montaje de /proc: se exigen las máscaras de /proc por defecto, también en espacios de nombres de usuario
control-also-g1-1 = Solo contexto.
control-also-g1-2 = `ladrillo scan` en la CI con cada cambio; `ladrillo init` parte de un paquete ya endurecido.
control-also-g1-3 = El modelo de clúster de EKS lee eksctl, Terraform, CloudFormation y el JSON de `aws eks describe-*`.
control-also-g2-2 = `ladrillo max-pods` (véase G2.3).
control-also-g2-3 = `ladrillo max-pods TIPO... | --all [--prefix-delegation] [--custom-networking]` calcula `ENI × (IPv4 por ENI − 1) + 2` con los topes de EKS. **Las cifras de la guía son erróneas**: su fórmula (ENI × IP por ENI) cuenta de más; t3.medium admite **17**, no 18, y m5.large **29**, no 30.
control-also-g3-3 = `examples/guide-cluster/` es el comando de la guía como configuración: `ladrillo scan` encuentra sus valores por defecto inseguros (punto de enlace público abierto a 0.0.0.0/0, sin punto de enlace privado, sin registros, subredes públicas, sin OIDC, sin clave de KMS, volúmenes sin cifrar).
control-also-g3-4 = Paso operativo; no se comprueba (todavía sin acceso a un clúster en vivo).
control-also-g4-1 = `ladrillo rbac who-can | can-i | rules` responden quién puede hacer qué, sin conexión al clúster.
control-also-g4-2 = Las asignaciones de aws-auth y las entradas de acceso de EKS (grupos y políticas de acceso) alimentan el grafo de RBAC: `ladrillo rbac who-can` enumera las entidades de IAM que hay detrás de cada permiso.
control-also-g4-4 = `ladrillo netpol reach | explain` calcula la alcanzabilidad exacta; las aserciones `reachability:` de `.ladrillo.yaml` convierten «backend solo desde frontend» en una comprobación de la CI.
control-also-g4-5 = Todavía no: ladrillo comprueba las referencias a imágenes (etiquetas, digests, política de descarga) pero no analiza su contenido; ejecute un escáner de imágenes junto a él.
control-also-g4-6 = Los valores de los Secrets nunca se imprimen: los informes los enmascaran.
control-also-g4-8 = `ladrillo audit-log` lee el registro de auditoría de EKS (archivos, exportaciones, registros de suscripción de CloudWatch, `--follow`) y genera las detecciones del grupo `audit`; véase docs/audit-log.md.
control-also-g5-2 = Se comprueban los registros de auditoría del plano de control; CloudTrail y Control Tower son de nivel de cuenta y quedan fuera del alcance de las definiciones del clúster.
control-also-g5-3 = Enumérelas en `required-tags:` en `.ladrillo.yaml`.
control-also-g5-5 = Terraform es una entrada como eksctl: `aws_eks_cluster`, los grupos de nodos, las plantillas de lanzamiento, los roles de IAM, las claves de KMS, los proveedores de OIDC y el módulo terraform-aws-modules/eks (con variables, `*.tfvars` y locals) se leen en el modelo de clúster que juzgan todas las reglas de EKS, y los hallazgos nombran la dirección del recurso. `ladrillo init` escribe una configuración de Terraform junto a la de eksctl (subredes privadas, ARN de roles, cifrado, registros).
control-also-g6-1 = Fuera de alcance: depende de cada carga de trabajo; a sus pods se aplican las reglas generales de cargas de trabajo.
control-also-g6-2 = Fuera de alcance: depende de cada aplicación; renderice los charts y analice la salida (`helm template … | ladrillo scan -`).
control-also-g6-3 = Fuera del alcance de un auditor de configuración.
control-also-g7-2 = Todavía no: los ajustes de kubelet y sysctl de cada nodo no están modelados.
control-also-g7-3 = Fuera de alcance: pruebas operativas.
control-also-g7-4 = Los perfiles de Fargate forman parte del modelo de clúster.
control-also-g7-5 = Todavía no: no se comprueba mTLS de Istio (PeerAuthentication).
control-also-g8-1 = Todo el conjunto de reglas; véanse los grupos en rules.md.

# Informes: encabezados, etiquetas y la línea de resumen de `ladrillo scan`.

severity-critical = crítica
severity-high = alta
severity-medium = media
severity-low = baja
severity-info = informativa

label-note = nota
label-help = ayuda

report-title = Informe de análisis de ladrillo
report-input-errors = Errores de entrada
report-no-file = (sin archivo)
report-object = objeto: { $object }
report-field = campo: { $field }
report-not-set-here = `{ $field }` no está definido aquí
report-suppressed-annotation = suprimido por anotación: { $reason }
report-suppressed-config = suprimido por configuración: { $reason }
report-line-column = línea { $line }, columna { $column }
report-rendered-helm = generado por Helm a partir de la plantilla { $source }
report-rendered-kustomize = generado por kustomize a partir de { $source }
report-fix = Solución: { $help }
report-help = ayuda: { $help }
report-capacity = capacidad: { $cluster }{ $file }, { $capacity }
report-input-note = nota: { $at }: { $message }

# La línea de resumen: `3 hallazgos (crítica: 1, alta: 2) en 2 objetos de 1 archivo`.
summary-no-findings = ningún hallazgo
summary-found = { $count ->
        [one] 1 hallazgo
       *[other] { $count } hallazgos
    } ({ $severities })
summary-severity-count = { $severity }: { $count }
summary-in-objects = { $findings } en { $objects ->
        [one] 1 objeto
       *[other] { $objects } objetos
    } de { $files ->
        [one] 1 archivo
       *[other] { $files } archivos
    }
summary-in-objects-clusters = { $findings } en { $objects ->
        [one] 1 objeto
       *[other] { $objects } objetos
    } y { $clusters ->
        [one] 1 clúster
       *[other] { $clusters } clústeres
    } de { $files ->
        [one] 1 archivo
       *[other] { $files } archivos
    }
summary-in-cluster = { $findings } en { $objects ->
        [one] 1 objeto
       *[other] { $objects } objetos
    } del clúster { $cluster }
summary-not-evaluated = { $line }; sin evaluar: { $kinds }
summary-suppressed = { $line }; { $count ->
        [one] 1 suprimido
       *[other] { $count } suprimidos
    }
summary-skipped = { $line }; { $count ->
        [one] 1 documento que no es un objeto de Kubernetes
       *[other] { $count } documentos que no son objetos de Kubernetes
    }
summary-patches = { $line }, { $count ->
        [one] 1 de ellos un parche de kustomize
       *[other] { $count } de ellos parches de kustomize
    }
summary-hidden = { $line }; { $count ->
        [one] 1 ruta oculta omitida
       *[other] { $count } rutas ocultas omitidas
    } (--hidden las lee)
summary-default-excluded = { $line }; { $count ->
        [one] 1 directorio omitido
       *[other] { $count } directorios omitidos
    } con datos de prueba de otras herramientas (testdata, __snapshots__; --no-default-excludes los lee)
summary-owned = { $line }; { $count ->
        [one] 1 Pod, ReplicaSet o Job omitido
       *[other] { $count } Pods, ReplicaSets y Jobs omitidos
    }: su controlador está en la entrada y sus hallazgos valen por los suyos
summary-in-baseline = { $line }; { $count ->
        [one] 1 hallazgo que ya estaba en la línea base no se muestra
       *[other] { $count } hallazgos que ya estaban en la línea base no se muestran
    }
summary-below-min-severity = { $line }; { $count ->
        [one] 1 hallazgo por debajo de --min-severity no se muestra
       *[other] { $count } hallazgos por debajo de --min-severity no se muestran
    }
summary-elided = { $line }; { $count ->
        [one] 1 hallazgo más omitido
       *[other] { $count } hallazgos más omitidos
    } (más de 10.000 de una regla en un archivo)
summary-errors = { $line }; { $count ->
        [one] 1 error de entrada
       *[other] { $count } errores de entrada
    }

# La página HTML y el resumen en Markdown.
report-html-summary = Resumen
report-run = ladrillo { $version }
report-run-date = { $line } · fecha del análisis { $date }
report-run-paths = { $line } · analizado: { $paths }
report-html-by-severity = Hallazgos por severidad
report-html-severity = Severidad
report-html-findings = Hallazgos
report-html-no-findings = Sin hallazgos.
report-html-rule = Regla
report-html-namespace = Espacio de nombres
report-html-no-namespace = (sin espacio de nombres)
report-html-where = Dónde
report-html-message = Mensaje
# La opción que no filtra, concordando con el nombre del filtro: severidad, regla, espacio de nombres.
report-html-all = { $filter ->
        [severity] todas
        [rule] todas
       *[other] todos
    }
report-html-filters = Filtros
report-html-shown = { $shown } de { $total } visibles
report-html-skip = Ir a los hallazgos
report-md-more-findings = { $count ->
        [one] 1 hallazgo más
       *[other] { $count } hallazgos más
    }
report-md-not-shown = { $count ->
        [one] 1 hallazgo más no se muestra
       *[other] { $count } hallazgos más no se muestran
    } (los comentarios de GitHub admiten { $limit } caracteres); ejecute `ladrillo scan` para verlos todos.
report-md-more-controls = { $count ->
        [one] 1 control fallido más no se muestra
       *[other] { $count } controles fallidos más no se muestran
    } (los comentarios de GitHub admiten { $limit } caracteres); ejecute `ladrillo report` para verlos todos.

# `ladrillo report --framework`: encabezados y estados.
report-framework-heading = Cumplimiento: { $framework }
report-framework-by-status = Controles por estado
report-framework-status = Estado
report-framework-controls = Controles
report-framework-control = Control
report-framework-title = Título
report-framework-details = Detalles
report-framework-score = cumple el { $percent } % de los { $decided } controles decididos
report-framework-no-score = no se pudo decidir ningún control
report-status-pass = cumple
report-status-fail = no cumple
report-status-not-applicable = no aplica
report-status-manual = revisión manual
report-html-capacity = Capacidad de los grupos de nodos
report-html-capacity-caption = Pods que admite cada grupo de nodos (nodos × máximo de pods por nodo del VPC CNI)
report-html-reachability = Alcance de las políticas de red
report-html-reachability-caption = Conexiones de cada carga de trabajo (fila) a cada carga de trabajo o par (columna), tal como las permiten las políticas de red
report-html-reachability-note = Cada celda dice qué conexiones permiten las políticas desde la carga de trabajo de la fila hacia la de la columna: `todo`, los puertos y protocolos, `-` si ninguna, y `?` delante de lo que depende de etiquetas o espacios de nombres que no están en la entrada. El porqué, con `ladrillo netpol explain`.
report-html-reachability-too-large = { $endpoints } cargas de trabajo y rangos de direcciones: la matriz se muestra hasta { $limit }; `ladrillo netpol reach` lista todas las conexiones.
report-html-escalation = Rutas de escalada de RBAC
report-html-escalation-caption = Cómo puede cada sujeto obtener más de lo que concede su rol: sujeto → vinculación → rol → regla → lo que permite (cada una es un hallazgo más abajo)
report-html-escalation-path = Ruta
report-html-escalation-more = Hay { $count } rutas más entre los hallazgos de abajo.
report-html-cluster = Clúster
report-html-node-group = Grupo de nodos
report-html-file = Archivo
report-html-frameworks = Puntuación por marco
report-html-frameworks-caption = Controles de cada marco, decididos con los hallazgos de este análisis
report-html-frameworks-note = Un control se cumple solo cuando todas las reglas que lo implementan se ejecutaron en este análisis, sobre entradas de las que trata el control, y no encontraron nada; un control cuyas reglas no se seleccionaron todas cuenta como revisión manual (no ejecutado). Cada control con sus hallazgos y motivos: `ladrillo report --framework F RUTA...`.
report-html-framework = Marco
report-html-share-passed = Porcentaje que cumple

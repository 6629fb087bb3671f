# The same cluster as prod.eksctl.yaml, as plain AWS provider resources.
provider "aws" {
  region = "eu-west-1"
}

variable "kubernetes_version" {
  default = "1.33"
}

locals {
  tags = {
    Owner       = "platform"
    Environment = "prod"
  }
}

resource "aws_iam_role" "cluster" {
  name               = "prod-cluster"
  assume_role_policy = jsonencode({})
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
}

resource "aws_iam_role_policy_attachment" "vpc_controller" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSVPCResourceController"
}

resource "aws_eks_cluster" "prod" {
  name     = "prod"
  version  = var.kubernetes_version
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids              = ["subnet-0aaa", "subnet-0bbb"]
    endpoint_public_access  = true
    endpoint_private_access = true
    public_access_cidrs     = ["203.0.113.0/24"]
  }

  encryption_config {
    provider {
      key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
    resources = ["secrets"]
  }

  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  access_config {
    authentication_mode                         = "API"
    bootstrap_cluster_creator_admin_permissions = false
  }

  tags = local.tags
}

resource "aws_eks_addon" "vpc_cni" {
  cluster_name = aws_eks_cluster.prod.name
  addon_name   = "vpc-cni"
}

resource "aws_eks_addon" "kube_proxy" {
  cluster_name = aws_eks_cluster.prod.name
  addon_name   = "kube-proxy"
}

resource "aws_eks_addon" "coredns" {
  cluster_name = aws_eks_cluster.prod.name
  addon_name   = "coredns"
}

resource "aws_eks_addon" "metrics_server" {
  cluster_name = aws_eks_cluster.prod.name
  addon_name   = "metrics-server"
}

resource "aws_eks_node_group" "workers" {
  cluster_name    = aws_eks_cluster.prod.name
  node_group_name = "workers"
  node_role_arn   = "arn:aws:iam::111122223333:role/prod-nodes"
  subnet_ids      = ["subnet-0aaa", "subnet-0bbb"]
  instance_types  = ["m6i.large", "m5.large"]
  capacity_type   = "SPOT"
  ami_type        = "AL2023_x86_64_STANDARD"
  disk_size       = 100

  scaling_config {
    min_size     = 2
    desired_size = 3
    max_size     = 6
  }

  labels = {
    role = "workers"
  }

  taint {
    key    = "dedicated"
    value  = "workers"
    effect = "NO_SCHEDULE"
  }

  tags = {
    Owner = "platform"
  }
}
